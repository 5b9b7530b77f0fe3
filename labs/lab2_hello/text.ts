/**
 * Lab 2's texts in English and Russian.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { type Bilingual, pick, type Text, type Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 2: hello-kafka, a producer and a consumer",
  theory: [
    "A producer writes records to a topic. Here it waits for each acknowledgement: the leader answers once the record is stored (with acks=all, once every in-sync replica has it) and tells the producer the partition and offset the record got.",
    "A consumer reads a partition in offset order. Consumers join a consumer group (group.id): the group shares the topic's partitions among its members and keeps committed offsets, its bookmark, in Kafka's __consumer_offsets topic. A consumer that starts again continues where its group stopped; another group reads the same records independently.",
    "auto.offset.reset applies only where a group has no usable committed offset for a partition: none was committed yet, or the committed one is out of range because retention deleted those records. earliest then starts at the oldest record, latest at the end, so a new group with latest sees only records written after it joined: with latest, start order matters. Once a group has committed, it continues from there whatever the setting, which is why running the same group twice reads nothing new.",
  ],
  stepTopic: "Make sure topic {topic} exists",
  stepTopicExplain: "The course's topic has 1 partition and replication factor 1.",
  topicCreated: "{topic} created",
  topicReady: "{topic} is ready",
  stepConsumer: "Start a consumer in group {group}",
  stepConsumerExplain:
    "It joins the group, gets the partitions, and starts at the earliest record when the group has no committed offset. After printing a record it commits the offset of the next record to read (the record's offset + 1).",
  stepProduce: "Send {count} messages, one every {interval} s",
  stepProduceExplain:
    "Each send waits for the acknowledgement (acks=all) and prints where the record landed. The consumer prints them as they arrive.",
  stepAgain: "Run the same group again",
  stepAgainExplain:
    "The group has committed offsets past every record, so it starts at the end of the topic: there is nothing new to read.",
  stepNewGroup: "Read with a new group",
  stepNewGroupExplain:
    "A group with no committed offsets starts at the earliest record (auto.offset.reset=earliest): it reads the whole topic, including earlier runs' records.",
  sent: 'sent "{value}" → partition {partition}, offset {offset}',
  sendFailed: 'could not send "{value}": {reason}',
  received: "[{n}] {value}  key={key}  partition={partition} offset={offset} time={time}",
  assigned: "consumer {instance} holds partition(s) {partitions}",
  idle:
    "consumer {instance} holds no partition and stays idle: a group reads each partition with one consumer at a time",
  waiting: "waiting for records (Ctrl+C to stop)",
  joinTimeout: "the consumer did not join group {group} within {seconds} s",
  allArrived: "all {count} messages arrived in group {group}",
  olderToo: "the group also read {count} older record(s) it had not read before",
  missing: "only {got} of {count} messages arrived within {seconds} s",
  nothingNew: "no record read: the group's committed offsets already point at the end",
  readAgain: "{count} record(s) read again, but none were expected",
  newGroupRead: "new group {group} read {count} record(s): the whole topic",
  newGroupShort: "new group {group} read {count} of the topic's {total} record(s)",
  producerDone: "{sent} sent, {failed} failed",
  consumerDone: "{count} record(s) read, {commits} offset(s) committed",
  perInstance: "consumer {instance}: {count} record(s)",
  instancePrefix: "[consumer {instance}] ",
  summaryArrived: "{count} messages sent and received through group {group}",
  summaryAgain: "the same group again: {count} record(s) (committed offsets)",
  summaryNew: "a new group: {count} record(s) (auto.offset.reset=earliest)",
  questions: [
    "What is an offset, and who decides which offset a record gets?",
    "What is group.id for? Where does Kafka keep a group's committed offsets?",
    "What happens when you run the consumer of the same group again? Why?",
    "Start `kafka-lab lab2 consume --from latest --group latest-1 --idle-timeout 20`, send with `kafka-lab lab2 produce` while it runs, then start `kafka-lab lab2 consume --from latest --group latest-2 --idle-timeout 5` after sending. Why does the first group read the new messages and the second none? When does latest apply at all?",
    "Run `kafka-lab lab2 consume --instances 2`. Why does one consumer stay idle on hello-kafka?",
    "Send with `kafka-lab lab2 produce --key user-1 --json-value`. What does a key decide, and what does a JSON value change for the consumer?",
  ],
} as const;

const ru: Translation<typeof en> = {
  title: "Лабораторная работа 2: hello-kafka, продюсер и консьюмер",
  theory: [
    "Продюсер записывает записи в топик. Здесь он ждёт подтверждения каждой записи: лидер отвечает, когда запись сохранена (при acks=all — когда её получили все синхронные реплики), и сообщает продюсеру партицию и смещение (offset) записи.",
    "Консьюмер читает партицию по порядку смещений. Консьюмеры объединяются в группу (group.id): группа делит партиции топика между участниками и хранит свою закладку — зафиксированные смещения — в служебном топике __consumer_offsets. Сохранение закладки называется фиксацией смещения (commit). Перезапущенный консьюмер продолжает с места, где остановилась его группа; другая группа читает те же записи независимо.",
    "auto.offset.reset действует только там, где у группы нет пригодного зафиксированного смещения для партиции: его ещё не фиксировали или оно вне диапазона, потому что записи удалены по сроку хранения. Тогда earliest начинает с самой старой записи, а latest — с конца, поэтому новая группа с latest видит только записи, написанные после её входа: с latest важен порядок запуска. Когда группа уже зафиксировала смещение, она продолжает с него при любом значении параметра — поэтому повторный запуск той же группы не читает ничего нового.",
  ],
  stepTopic: "Проверяем, что топик {topic} существует",
  stepTopicExplain: "У топика курса 1 партиция и фактор репликации 1.",
  topicCreated: "{topic} создан",
  topicReady: "{topic} готов",
  stepConsumer: "Запускаем консьюмер в группе {group}",
  stepConsumerExplain:
    "Он входит в группу, получает партиции и, если у группы нет зафиксированного смещения, начинает с самой ранней записи. После вывода записи он фиксирует смещение следующей записи, которую предстоит прочитать (смещение записи + 1).",
  stepProduce: "Отправляем сообщения ({count}), по одному каждые {interval} с",
  stepProduceExplain:
    "Каждая отправка ждёт подтверждения (acks=all) и показывает, куда попала запись. Консьюмер выводит записи по мере поступления.",
  stepAgain: "Запускаем ту же группу ещё раз",
  stepAgainExplain:
    "Зафиксированные смещения группы уже стоят после всех записей, поэтому она начинает с конца топика: читать нечего.",
  stepNewGroup: "Читаем новой группой",
  stepNewGroupExplain:
    "Группа без зафиксированных смещений начинает с самой ранней записи (auto.offset.reset=earliest): она читает весь топик, включая записи прошлых запусков.",
  sent: 'отправлено "{value}" → партиция {partition}, смещение {offset}',
  sendFailed: 'не удалось отправить "{value}": {reason}',
  received: "[{n}] {value}  ключ={key}  партиция={partition} смещение={offset} время={time}",
  assigned: "консьюмер {instance} получил партиции: {partitions}",
  idle:
    "консьюмеру {instance} не досталось партиций, он простаивает: каждую партицию в группе читает один консьюмер",
  waiting: "ждём записи (Ctrl+C — остановить)",
  joinTimeout: "консьюмер не вошёл в группу {group} за {seconds} с",
  allArrived: "все сообщения ({count}) пришли в группу {group}",
  olderToo: "группа также прочитала более ранние записи, которые ещё не читала: {count}",
  missing: "за {seconds} с пришли не все сообщения: {got}/{count}",
  nothingNew: "ничего не прочитано: зафиксированные смещения группы уже указывают на конец",
  readAgain: "прочитано повторно записей: {count}, хотя не ожидалось ни одной",
  newGroupRead: "новая группа {group} прочитала записей: {count} — весь топик",
  newGroupShort: "новая группа {group} прочитала не весь топик: {count}/{total}",
  producerDone: "отправлено: {sent}, ошибок: {failed}",
  consumerDone: "прочитано записей: {count}, фиксаций смещения: {commits}",
  perInstance: "консьюмер {instance}: записей {count}",
  instancePrefix: "[консьюмер {instance}] ",
  summaryArrived: "сообщений отправлено и получено через группу {group}: {count}",
  summaryAgain: "та же группа повторно: записей {count} (зафиксированные смещения)",
  summaryNew: "новая группа: записей {count} (auto.offset.reset=earliest)",
  questions: [
    "Что такое смещение (offset) и кто решает, какое смещение получит запись?",
    "Зачем нужен group.id? Где Kafka хранит зафиксированные смещения группы?",
    "Что произойдёт, если снова запустить консьюмер той же группы? Почему?",
    "Запустите `kafka-lab lab2 consume --from latest --group latest-1 --idle-timeout 20`, пока он работает, отправьте сообщения командой `kafka-lab lab2 produce`, а после отправки запустите `kafka-lab lab2 consume --from latest --group latest-2 --idle-timeout 5`. Почему первая группа прочитала новые сообщения, а вторая — ни одного? Когда latest вообще действует?",
    "Запустите `kafka-lab lab2 consume --instances 2`. Почему на hello-kafka один консьюмер простаивает?",
    "Отправьте `kafka-lab lab2 produce --key user-1 --json-value`. Что определяет ключ и что значение в JSON меняет для консьюмера?",
  ],
};

/** Lab 2's texts. */
export const LAB2_TEXT: Bilingual<typeof en> = { en, ru };

/** Lab 2's texts in one language. */
export type Lab2Text = Translation<typeof en>;

/** Lab 2's texts in the language of the run. */
export function lab2Text(lang: Lang): Lab2Text {
  return pick(LAB2_TEXT, lang);
}

/** The keys of lab 2's table that hold one line (not a list). */
type LineKey = { [K in keyof typeof en]: typeof en[K] extends string ? K : never }[keyof typeof en];

/** One line of lab 2's table in both languages: for errors, which carry both. */
export function lab2Line(key: LineKey): Text {
  return { en: en[key], ru: ru[key] };
}
