/**
 * What `groups`, `read`, `write` and `kafka` print, in English and Russian.
 * @module
 */
import type { Bilingual, Translation } from "../i18n.ts";

const en = {
  colGroup: "group",
  colState: "state",
  colMembers: "members",
  colTopics: "topics",
  colTopic: "topic",
  colPartition: "partition",
  colCommitted: "committed",
  colEnd: "end",
  colLag: "lag",
  colMember: "member",
  colCurrent: "current",
  colTarget: "new offset",
  colLagAfter: "lag after",
  noGroups: "no consumer groups yet (a group appears once a consumer joins it)",
  groupCount: "consumer groups: {count}",
  groupHeader: "group {group}: state {state}, members: {members}",
  memberLine: "  member {clientId} ({host}) holds {assignment}",
  memberNothing: "nothing",
  noPartitions:
    "the group has no committed offsets and holds no partitions: its consumers have not committed yet",
  totalLag: "total lag: {lag} record(s) not yet read by the group",
  topicUnavailable: "offsets of {topic} are not shown: {reason}",
  stripLegend:
    "offsets from 0 to the end:  · deleted (before the log start)  █ read by the group  ░ lag  ▒ never committed",
  stripNumbers: "start {start}, committed {committed}, end {end}",
  neverCommitted: "-",
  unknownMember: "-",
  resetPlan: "reset {group} on {topic} to {to}:",
  resetDry: "dry run: nothing changed; run again without --dry-run to apply",
  resetDone: "offsets of {group} on {topic} moved to {to}; the group's next consumer starts there",
  deleted: "consumer group {group} and its committed offsets deleted",
  groupKept: "consumer group {group} kept",
  readStart: "reading {topic}: {ranges}",
  readRange: "partition {partition} from offset {start} (end {end})",
  readDone: "read {records} record(s) from {topic}",
  readFollow: "waiting for new records (Ctrl+C to stop)",
  recordLine: "partition {partition}  offset {offset}  {time}  key {key}: {value}",
  recordHeaders: "  headers {headers}",
  noKey: "(none)",
  badFormat: "not {format} ({problem}), shown as hex",
  written: "written to {topic}: partition {partition}, offset {offset}",
  writeDone: "wrote {count} record(s) to {topic}",
  writeNothing: "nothing to write: give --value, or type records one per line (Ctrl+D ends)",
  toolStart: "running {tool} ({main}) from Kafka {version}'s jars",
  toolBootstrap: "--bootstrap-server {brokers} added (the configured cluster)",
  uiListening: "kafka-lab console: {url}",
  uiPortTaken:
    "port {wanted} is taken (the course's Kafka UI uses it too), so the console listens on {port}",
  uiToken: "changes (offset resets) need the token in this address; keep it to yourself",
  uiStop: "Ctrl+C stops the console",
  uiDocker:
    "the docker runtime's Kafka UI is at {url}; this console is a second view on the same cluster",
} as const;

const ru: Translation<typeof en> = {
  colGroup: "группа",
  colState: "состояние",
  colMembers: "участники",
  colTopics: "топики",
  colTopic: "топик",
  colPartition: "партиция",
  colCommitted: "зафиксировано",
  colEnd: "конец",
  colLag: "отставание",
  colMember: "участник",
  colCurrent: "сейчас",
  colTarget: "новое смещение",
  colLagAfter: "отставание после",
  noGroups: "групп консьюмеров пока нет (группа появляется, когда к ней присоединится консьюмер)",
  groupCount: "групп консьюмеров: {count}",
  groupHeader: "группа {group}: состояние {state}, участников: {members}",
  memberLine: "  участник {clientId} ({host}) читает {assignment}",
  memberNothing: "ничего",
  noPartitions:
    "у группы нет зафиксированных смещений и назначенных партиций: её консьюмеры ещё ничего не зафиксировали",
  totalLag: "общее отставание: {lag} (столько записей группа ещё не прочитала)",
  topicUnavailable: "смещения {topic} не показаны: {reason}",
  stripLegend:
    "смещения от 0 до конца:  · удалены (до начала журнала)  █ прочитаны группой  ░ отставание  ▒ фиксаций не было",
  stripNumbers: "начало {start}, зафиксировано {committed}, конец {end}",
  neverCommitted: "-",
  unknownMember: "-",
  resetPlan: "сброс группы {group} на топике {topic} к {to}:",
  resetDry: "пробный запуск: ничего не изменено; чтобы применить, запустите без --dry-run",
  resetDone:
    "смещения группы {group} на топике {topic} перенесены к {to}; следующий консьюмер группы начнёт оттуда",
  deleted: "группа консьюмеров {group} и её зафиксированные смещения удалены",
  groupKept: "группа консьюмеров {group} оставлена",
  readStart: "чтение {topic}: {ranges}",
  readRange: "партиция {partition} со смещения {start} (конец {end})",
  readDone: "прочитано записей из {topic}: {records}",
  readFollow: "жду новых записей (Ctrl+C — остановить)",
  recordLine: "партиция {partition}  смещение {offset}  {time}  ключ {key}: {value}",
  recordHeaders: "  заголовки {headers}",
  noKey: "(нет)",
  badFormat: "не {format} ({problem}), показано в hex",
  written: "записано в {topic}: партиция {partition}, смещение {offset}",
  writeDone: "записано записей в {topic}: {count}",
  writeNothing:
    "записывать нечего: укажите --value или вводите записи по одной в строке (Ctrl+D — конец)",
  toolStart: "запуск {tool} ({main}) из jar-файлов Kafka {version}",
  toolBootstrap: "добавлен --bootstrap-server {brokers} (настроенный кластер)",
  uiListening: "консоль kafka-lab: {url}",
  uiPortTaken:
    "порт {wanted} занят (его же занимает Kafka UI из методички), поэтому консоль слушает порт {port}",
  uiToken: "для изменений (сброса смещений) нужен токен из этого адреса; не передавайте его другим",
  uiStop: "Ctrl+C останавливает консоль",
  uiDocker:
    "Kafka UI среды docker работает по адресу {url}; эта консоль — ещё один взгляд на тот же кластер",
};

/** The texts of the inspection commands. */
export const INSPECT_TEXT: Bilingual<typeof en> = { en, ru };
