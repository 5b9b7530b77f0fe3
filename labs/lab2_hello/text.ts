/**
 * Lab 2's texts in English and Russian.
 * @module
 */
import type { Lang } from "../../lib/config.ts";
import { type Bilingual, pick, type Translation } from "../../lib/i18n.ts";

const en = {
  title: "Lab 2: hello-kafka, a producer and a consumer",
  theory: [
    "A producer writes records to a topic. Here it waits for each acknowledgement: the leader answers once the record is stored (with acks=all, once every in-sync replica has it) and tells the producer the partition and offset the record got.",
    "A consumer reads a partition in offset order. Consumers join a consumer group (group.id): the group shares the topic's partitions among its members and keeps committed offsets, its bookmark, in Kafka's __consumer_offsets topic. A consumer that starts again continues where its group stopped; another group reads the same records independently.",
    "auto.offset.reset matters only while a group has no committed offset for a partition: earliest starts at the oldest record, latest waits for new ones. That is why start order matters, and why running the same group twice reads nothing new.",
  ],
  stepTopic: "Make sure topic {topic} exists",
  stepTopicExplain: "The course's topic has 1 partition and replication factor 1.",
  topicCreated: "{topic} created",
  topicReady: "{topic} is ready",
  stepConsumer: "Start a consumer in group {group}",
  stepConsumerExplain:
    "It joins the group, gets the partitions, and starts at the earliest record when the group has no committed offset. It commits each offset after printing the record.",
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
    "Run `kafka-lab lab2 consume --from latest --group fresh-group` before and after sending. What does latest change, and when does it apply at all?",
    "Run `kafka-lab lab2 consume --instances 2`. Why does one consumer stay idle on hello-kafka?",
    "Send with `kafka-lab lab2 produce --key user-1 --json-value`. What does a key decide, and what does a JSON value change for the consumer?",
  ],
} as const;

const ru: Translation<typeof en> = {
  title: "Лабораторная 2: hello-kafka, продюсер и консьюмер",
  theory: [
    "Продюсер записывает записи в топик. Здесь он ждёт подтверждения каждой записи: лидер отвечает, когда запись сохранена (при acks=all — когда её получили все синхронные реплики), и сообщает продюсеру партицию и offset записи.",
    "Консьюмер читает партицию по порядку offset'ов. Консьюмеры объединяются в группу (group.id): группа делит партиции топика между участниками и хранит зафиксированные offset'ы — свою закладку — в служебном топике __consumer_offsets. Перезапущенный консьюмер продолжает с места, где остановилась его группа; другая группа читает те же записи независимо.",
    "auto.offset.reset важен, только пока у группы нет зафиксированного offset'а для партиции: earliest начинает с самой старой записи, latest ждёт новых. Поэтому важен порядок запуска, и поэтому повторный запуск той же группы не читает ничего нового.",
  ],
  stepTopic: "Проверяем, что топик {topic} существует",
  stepTopicExplain: "У топика курса 1 партиция и фактор репликации 1.",
  topicCreated: "{topic} создан",
  topicReady: "{topic} готов",
  stepConsumer: "Запускаем консьюмер в группе {group}",
  stepConsumerExplain:
    "Он входит в группу, получает партиции и, если у группы нет зафиксированного offset'а, начинает с самой ранней записи. После вывода каждой записи он фиксирует её offset.",
  stepProduce: "Отправляем сообщения ({count} шт.), по одному каждые {interval} с",
  stepProduceExplain:
    "Каждая отправка ждёт подтверждения (acks=all) и показывает, куда попала запись. Консьюмер выводит записи по мере поступления.",
  stepAgain: "Запускаем ту же группу ещё раз",
  stepAgainExplain:
    "Зафиксированные offset'ы группы уже стоят после всех записей, поэтому она начинает с конца топика: читать нечего.",
  stepNewGroup: "Читаем новой группой",
  stepNewGroupExplain:
    "Группа без зафиксированных offset'ов начинает с самой ранней записи (auto.offset.reset=earliest): она читает весь топик, включая записи прошлых запусков.",
  sent: 'отправлено "{value}" → партиция {partition}, offset {offset}',
  sendFailed: 'не удалось отправить "{value}": {reason}',
  received: "[{n}] {value}  ключ={key}  партиция={partition} offset={offset} время={time}",
  assigned: "консьюмер {instance} получил партиции: {partitions}",
  idle:
    "консьюмеру {instance} не досталось партиций, он простаивает: каждую партицию в группе читает один консьюмер",
  waiting: "ждём записи (Ctrl+C — остановить)",
  allArrived: "все сообщения ({count} шт.) пришли в группу {group}",
  olderToo: "группа также прочитала более ранние записи, которые ещё не читала: {count}",
  missing: "за {seconds} с пришло только {got} из {count} сообщений",
  nothingNew: "ничего не прочитано: зафиксированные offset'ы группы уже указывают на конец",
  readAgain: "прочитано повторно записей: {count}, хотя не ожидалось ни одной",
  newGroupRead: "новая группа {group} прочитала записей: {count} — весь топик",
  newGroupShort: "новая группа {group} прочитала {count} из {total} записей топика",
  producerDone: "отправлено: {sent}, ошибок: {failed}",
  consumerDone: "прочитано записей: {count}, зафиксировано offset'ов: {commits}",
  perInstance: "консьюмер {instance}: записей {count}",
  instancePrefix: "[консьюмер {instance}] ",
  summaryArrived: "сообщений отправлено и получено через группу {group}: {count}",
  summaryAgain: "та же группа повторно: записей {count} (зафиксированные offset'ы)",
  summaryNew: "новая группа: записей {count} (auto.offset.reset=earliest)",
  questions: [
    "Что такое offset и кто решает, какой offset получит запись?",
    "Зачем нужен group.id? Где Kafka хранит зафиксированные offset'ы группы?",
    "Что произойдёт, если снова запустить консьюмер той же группы? Почему?",
    "Запустите `kafka-lab lab2 consume --from latest --group fresh-group` до и после отправки. Что меняет latest и когда он вообще действует?",
    "Запустите `kafka-lab lab2 consume --instances 2`. Почему на hello-kafka один консьюмер простаивает?",
    "Отправьте `kafka-lab lab2 produce --key user-1 --json-value`. Что определяет ключ и что JSON-значение меняет для консьюмера?",
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
