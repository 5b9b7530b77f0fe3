/**
 * Lab 5's texts for the failures it sets up on purpose (parts 1 and 3): the
 * warning before it starts, each step of a part's timeline, and what each
 * outcome means. Merged into `text.ts`'s table.
 * @module
 */
import type { Bilingual } from "../../lib/i18n.ts";

const en = {
  faultWarning:
    "This lab pauses (SIGSTOP), kills (SIGKILL) and restarts brokers of the local cluster ({brokers}) on purpose; it resumes and restarts every one of them before it ends, also on Ctrl+C.",
  momentBefore: "before",
  momentAfterSend: "followers paused",
  momentAfterFailover: "after the failover",
  momentAfterRestart: "old leader back",
  momentAfterResume: "followers resumed",
  tlTopics:
    "{count} topics, one partition each, replicas {replicas}: broker {leader} leads, brokers {followers} follow",
  tlCluster:
    "{moment}: broker {asked} says leader {leader} (epoch {epoch}), ISR [{isr}]; high watermark {hws}",
  tlPaused:
    "brokers {brokers} paused (SIGSTOP): they hang, and stay in the ISR (two of three KRaft controllers hang, so no ISR change can be recorded)",
  tlPausedLeader: "broker {broker}, the leader, paused too",
  tlSentAcked: "{key}: {records} record(s) sent, acknowledged after {ms} ms",
  tlSentFailed: "{key}: {records} record(s) sent, not acknowledged: {code} after {ms} ms",
  tlSentZero:
    "{key}: {records} record(s) reported sent after {ms} ms: acks=0 asks for no acknowledgement, so the client cannot know",
  tlKilled: "broker {broker}, the paused leader, killed (SIGKILL)",
  tlResumed:
    "brokers {brokers} resumed (SIGCONT); a follower becomes leader without the old leader's last records",
  tlRestarted: "broker {broker} started again; the ISR is full again",
  tlRestartedNotFull: "broker {broker} started again, but the ISR is not full yet",
  acksNotIdempotent:
    "The producer of this part is not idempotent and does not retry (retries=0): the outcomes come from acks alone.",
  acksZeroLost:
    "acks=0: {lost} of {sent} records reported sent are not in the topic. The leader hung and never read them; the client had nothing to wait for.",
  acksOneLost:
    "acks=1: {lost} acknowledged record(s) lost. The leader appended and acknowledged them alone, then died; a follower that never had them became leader (epoch {epoch}), and the old leader, back, truncated its log to the new leader's.",
  acksAllSafe:
    "acks=all: {acked} acknowledged, {lost} lost. The paused followers never confirmed, so the broker answered {code} instead of an acknowledgement: the producer knows these records are not safe (to send again).",
  summaryAcksZero: "acks=0: {sent} reported sent (no acknowledgement asked), {lost} lost",
  acksUnexpected: "{key}: expected {expected}, measured {lost} lost, {dup} duplicated",
  expectLoss: "a loss",
  expectNoLoss: "no loss",
  noNewLeader:
    "no new leader of {topic} was elected after broker {leader} was killed; see `kafka-lab broker list`",
  idemPlainNew: "no idempotence (acks=all, retries)",
  idemSafeNew: "idempotent (acks=all, retries)",
  tlIdemSent:
    "{label}: {records} record(s) sent with acks=all; the leader appends them and waits up to {timeout} ms for the paused followers",
  tlIdemRetry:
    "the first attempts timed out (REQUEST_TIMED_OUT, after the leader had appended them); both producers retry the same records",
  tlIdemEnd: "{label}: send() acknowledged after {ms} ms",
  tlIdemEndFailed: "{label}: send() failed after {ms} ms: {code}",
  idemDupExplained:
    "{label}: {dup} duplicate(s). The leader had appended the first attempt; the retry was a new request to it and was appended again.",
  idemNoDupExplained:
    "{label}: no duplicate. The retry carried the same producer id and sequence numbers; the leader recognised them and did not append again.",
  idemUnexpected: "{label}: expected {expected}, measured {dup} duplicated, {lost} lost",
  expectDup: "a duplicate",
  expectNoDup: "no duplicate",
  asideTitle:
    "Aside: a bug of the kafkajs client library, not Kafka's behaviour. kafkajs' own idempotent producer runs the partitioner again on a retry; an unkeyed record may move partition with its sequence number rolled back, so the broker drops or doubles records. The lab's producer fixes each record's partition before its first attempt.",
};

const ru: typeof en = {
  faultWarning:
    "Эта лабораторная намеренно приостанавливает (SIGSTOP), убивает (SIGKILL) и перезапускает брокеры локального кластера ({brokers}); до завершения, в том числе по Ctrl+C, она возобновляет и запускает их все.",
  momentBefore: "до",
  momentAfterSend: "фолловеры приостановлены",
  momentAfterFailover: "после смены лидера",
  momentAfterRestart: "старый лидер вернулся",
  momentAfterResume: "фолловеры продолжили работу",
  tlTopics:
    "{count} топика по одной партиции, реплики {replicas}: лидер — брокер {leader}, фолловеры — брокеры {followers}",
  tlCluster:
    "{moment}: брокер {asked} сообщает: лидер {leader} (эпоха {epoch}), ISR [{isr}]; high watermark {hws}",
  tlPaused:
    "брокеры {brokers} приостановлены (SIGSTOP): они зависли и остаются в ISR (зависли два из трёх контроллеров KRaft, поэтому изменить ISR некому)",
  tlPausedLeader: "брокер {broker}, лидер, тоже приостановлен",
  tlSentAcked: "{key}: отправлено записей: {records}, подтверждены через {ms} мс",
  tlSentFailed: "{key}: отправлено записей: {records}, не подтверждены: {code} через {ms} мс",
  tlSentZero:
    "{key}: записей {records} «отправлены» через {ms} мс: acks=0 не просит подтверждения, поэтому клиент ничего не знает",
  tlKilled: "брокер {broker}, приостановленный лидер, убит (SIGKILL)",
  tlResumed:
    "брокеры {brokers} продолжают работу (SIGCONT); лидером становится фолловер без последних записей старого лидера",
  tlRestarted: "брокер {broker} снова запущен; ISR снова полный",
  tlRestartedNotFull: "брокер {broker} снова запущен, но ISR ещё не полный",
  acksNotIdempotent:
    "Продюсер этой части не идемпотентный и не повторяет отправку (retries=0): результат зависит только от acks.",
  acksZeroLost:
    "acks=0: {lost} из {sent} «отправленных» записей нет в топике. Лидер завис и не прочитал их; клиенту нечего было ждать.",
  acksOneLost:
    "acks=1: потеряно подтверждённых записей: {lost}. Лидер записал и подтвердил их один и умер; лидером стал фолловер, у которого их не было (эпоха {epoch}), а вернувшийся старый лидер обрезал свой журнал по журналу нового.",
  acksAllSafe:
    "acks=all: подтверждено {acked}, потеряно {lost}. Приостановленные фолловеры не подтвердили запись, и брокер вместо подтверждения ответил {code}: продюсер знает, что эти записи не сохранены (и может отправить их снова).",
  summaryAcksZero: "acks=0: «отправлено» {sent} (подтверждение не запрашивается), потеряно {lost}",
  acksUnexpected: "{key}: ожидалось {expected}, измерено: потеряно {lost}, дублей {dup}",
  expectLoss: "потеря",
  expectNoLoss: "без потерь",
  noNewLeader:
    "после гибели брокера {leader} новый лидер {topic} не выбран; см. `kafka-lab broker list`",
  idemPlainNew: "без идемпотентности (acks=all, повторы)",
  idemSafeNew: "идемпотентный (acks=all, повторы)",
  tlIdemSent:
    "{label}: отправлено записей: {records} с acks=all; лидер записывает их и ждёт приостановленных фолловеров до {timeout} мс",
  tlIdemRetry:
    "первые попытки истекли (REQUEST_TIMED_OUT, хотя лидер уже записал записи); оба продюсера повторяют те же записи",
  tlIdemEnd: "{label}: send() подтверждён через {ms} мс",
  tlIdemEndFailed: "{label}: send() не удался через {ms} мс: {code}",
  idemDupExplained:
    "{label}: дублей {dup}. Лидер уже записал первую попытку; повтор был для него новым запросом и записан ещё раз.",
  idemNoDupExplained:
    "{label}: дублей нет. Повтор нёс тот же идентификатор продюсера и те же порядковые номера; лидер узнал их и не стал записывать снова.",
  idemUnexpected: "{label}: ожидалось {expected}, измерено: дублей {dup}, потеряно {lost}",
  expectDup: "дубль",
  expectNoDup: "без дублей",
  asideTitle:
    "Отступление: ошибка клиентской библиотеки kafkajs, а не поведение Kafka. Собственный идемпотентный продюсер kafkajs при повторе заново выбирает партицию; запись без ключа может уйти в другую партицию с откаченным порядковым номером, и брокер отбросит или задвоит записи. Продюсер лабораторной фиксирует партицию записи до первой попытки.",
};

/** The texts of the failures set up on purpose. */
export const FAULT_TEXT: Bilingual<typeof en> = { en, ru };
