/**
 * The lines of `kafka-lab self-check` in English and Russian: one entry per
 * finding, each with its fix.
 * @module
 */
import type { Bilingual } from "../../lib/i18n.ts";

const en = {
  title: "kafka-lab self-check: can `kafka-lab up` start a cluster here?",
  fixLabel: "fix:",
  javaOk: "Java {version} ({path})",
  javaOld: "{path} is Java {version}; Kafka {kafka} needs Java {min} or newer",
  javaMissingHome: "no Java at {path} (from JAVA_HOME)",
  javaMissing: "no Java: JAVA_HOME is not set and `java` is not on PATH",
  javaUnreadable: "could not read the version of {path}",
  javaFix:
    "install Java 17 or newer (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless; macOS: brew install openjdk@17; Windows: winget install EclipseAdoptium.Temurin.17.JRE), or use Docker",
  javaFixHome: "point JAVA_HOME at a Java 17+ installation, or unset it to use `java` from PATH",
  javaWindows:
    "Java {version} ({path}) is here, but `up`'s java runtime runs on Linux and macOS only",
  javaWindowsFix:
    "start Docker Desktop (`up` then uses the docker runtime), or run kafka-lab in WSL",
  dockerOk: "Docker engine {version} answers (`up` uses the docker runtime)",
  dockerNoClient: "no `docker` on PATH (optional: the java runtime needs only Java)",
  dockerNoEngine: "`docker` is installed but no engine answers: «{detail}»",
  dockerFix: "start Docker Desktop or the docker service, or use the java runtime",
  dockerNeeded: "install Docker with Compose v2, or Java 17+ (one of the two is needed)",
  portFree: "free",
  portOurs: "held by the kafka-lab cluster{who}",
  portTaken: "held by {who}; {owner} needs it",
  portTakenOptional: "held by {who}; only the docker runtime's {owner} needs it",
  portUnknown: "another program",
  portFix:
    "stop that program ({stop}), or stop a kafka-lab started elsewhere with `kafka-lab down`",
  folderOk: "{dir} is writable",
  folderBad: "{dir} is not writable: {detail}",
  folderFix: "fix the folder's permissions, or set {env} to a writable folder",
  clusterNone: "no local cluster is recorded",
  clusterNoneFix: "start one with `kafka-lab up`",
  clusterRunning: "{runtime} cluster runs: {answering}/{brokers} brokers answer",
  clusterPartial: "{runtime} cluster is recorded but only {answering}/{brokers} brokers answer",
  clusterStopped: "{runtime} cluster is recorded but no broker answers",
  clusterFix: "restart it: `kafka-lab down`, then `kafka-lab up`",
  clusterNotResponding: "(not responding: broker {ids} takes connections but answers no request)",
  clusterNotRespondingFix:
    "a paused broker resumes with `kill -CONT <pid>` (`kafka-lab broker list` shows it); else `kafka-lab broker stop N --kill`, then `kafka-lab broker start N`",
  metadataOk: "the nodes' KRaft metadata agrees",
  metadataIds: "the nodes' storage was formatted for different clusters ({ids})",
  metadataLeaders: "the nodes recorded different leaders ({leaders}) for epoch {epoch}",
  metadataIllegal: "the log of {nodes} ends in an IllegalStateException (damaged metadata)",
  metadataFix:
    "the cluster's metadata is damaged (e.g. by two `up` at once); `kafka-lab down --purge`, then `kafka-lab up` (deletes topics, offsets and schemas)",
  verdictOk: "nothing blocks `kafka-lab up`",
  verdictBlocked: "`kafka-lab up` is blocked: {count} problem(s) above marked FAIL",
} as const;

/** The texts of `self-check`. */
export const SELF_CHECK_TEXT: Bilingual<typeof en> = {
  en,
  ru: {
    title: "kafka-lab self-check: сможет ли `kafka-lab up` запустить кластер на этой машине?",
    fixLabel: "что сделать:",
    javaOk: "Java {version} ({path})",
    javaOld: "{path} — это Java {version}, а Kafka {kafka} нужна Java {min} или новее",
    javaMissingHome: "Java не найдена по пути {path} (из JAVA_HOME)",
    javaMissing: "Java не найдена: JAVA_HOME не задана, а `java` нет в PATH",
    javaUnreadable: "не удалось прочитать версию {path}",
    javaFix:
      "установите Java 17 или новее (Debian/Ubuntu: sudo apt install openjdk-17-jre-headless; macOS: brew install openjdk@17; Windows: winget install EclipseAdoptium.Temurin.17.JRE) или используйте Docker",
    javaFixHome:
      "укажите в JAVA_HOME каталог Java 17+ или уберите переменную, чтобы взять `java` из PATH",
    javaWindows:
      "Java {version} ({path}) есть, но среда java команды `up` работает только в Linux и macOS",
    javaWindowsFix:
      "запустите Docker Desktop (`up` тогда возьмёт среду docker) или запускайте kafka-lab в WSL",
    dockerOk: "Docker {version} отвечает (`up` запустит кластер в Docker)",
    dockerNoClient: "`docker` нет в PATH (это необязательно: среде java нужна только Java)",
    dockerNoEngine: "`docker` установлен, но движок не отвечает: «{detail}»",
    dockerFix: "запустите Docker Desktop или службу docker либо используйте среду java",
    dockerNeeded: "установите Docker с Compose v2 или Java 17+ (нужно одно из двух)",
    portFree: "свободен",
    portOurs: "занят кластером kafka-lab{who}",
    portTaken: "занят: {who}; он нужен для {owner}",
    portTakenOptional: "занят: {who}; он нужен только в среде docker для {owner}",
    portUnknown: "другая программа",
    portFix:
      "остановите эту программу ({stop}) или остановите kafka-lab, запущенный в другом месте: `kafka-lab down`",
    folderOk: "в {dir} можно писать",
    folderBad: "в {dir} нельзя писать: {detail}",
    folderFix: "исправьте права на каталог или укажите в {env} каталог, доступный для записи",
    clusterNone: "локальный кластер не запущен (записи о нём нет)",
    clusterNoneFix: "запустите его: `kafka-lab up`",
    clusterRunning: "кластер ({runtime}) работает: отвечают брокеры {answering}/{brokers}",
    clusterPartial: "кластер ({runtime}) записан, но отвечают только брокеры {answering}/{brokers}",
    clusterStopped: "кластер ({runtime}) записан, но ни один брокер не отвечает",
    clusterFix: "перезапустите его: `kafka-lab down`, затем `kafka-lab up`",
    clusterNotResponding:
      "(не отвечает: брокер {ids} принимает соединения, но не отвечает на запросы)",
    clusterNotRespondingFix:
      "приостановленный брокер продолжит работу после `kill -CONT <pid>` (pid — в `kafka-lab broker list`); иначе `kafka-lab broker stop N --kill`, затем `kafka-lab broker start N`",
    metadataOk: "метаданные KRaft на узлах согласованы",
    metadataIds: "хранилища узлов отформатированы для разных кластеров ({ids})",
    metadataLeaders: "узлы записали разных лидеров ({leaders}) для эпохи {epoch}",
    metadataIllegal: "лог {nodes} заканчивается IllegalStateException (метаданные повреждены)",
    metadataFix:
      "метаданные кластера повреждены (например, двумя `up` одновременно); `kafka-lab down --purge`, затем `kafka-lab up` (удалит топики, смещения и схемы)",
    verdictOk: "ничто не мешает `kafka-lab up`",
    verdictBlocked: "`kafka-lab up` не сможет запуститься: проблем с пометкой FAIL — {count}",
  },
};
