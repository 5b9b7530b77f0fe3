/**
 * The local cluster runtimes' error messages and hints in English and
 * Russian (`java.ts`, `jvm.ts`, `docker.ts`, `download.ts`), filled with
 * `fillText` where they are thrown.
 * @module
 */
import { t } from "../i18n.ts";

export const RUNTIME_TEXT = {
  dockerRecorded: t(
    "a docker cluster is recorded as running",
    "записано, что работает кластер docker",
  ),
  javaRecorded: t(
    "a java cluster is recorded as running",
    "записано, что работает кластер java",
  ),
  stopFirst: t(
    "stop it first with `kafka-lab down`, or keep using it",
    "сначала остановите его (`kafka-lab down`) или продолжайте работать с ним",
  ),
  otherSize: t(
    "the local cluster already runs with {had} broker(s), not {want}",
    "локальный кластер уже работает с брокерами: {had}, а не {want}",
  ),
  otherSizeHint: t(
    "stop it with `kafka-lab down` (add --purge to start from empty), then `kafka-lab up` again",
    "остановите его (`kafka-lab down`, с `--purge` — начать с пустого), затем снова `kafka-lab up`",
  ),
  notWindows: t("the java runtime runs on Linux and macOS", "среда java работает на Linux и macOS"),
  notWindowsHint: t(
    "on Windows use `kafka-lab up --runtime docker`, or run kafka-lab inside WSL",
    "в Windows используйте `kafka-lab up --runtime docker` или запускайте kafka-lab в WSL",
  ),
  portBusy: t(
    "port {port} on {host} is already in use; {owner} needs it",
    "порт {port} на {host} уже занят, а он нужен: {owner}",
  ),
  portBusyHint: t(
    "another Kafka or registry may be running: see `kafka-lab status`, stop it, or stop the program using the port (e.g. `ss -ltnp | grep {port}`)",
    "возможно, уже работает другая Kafka или реестр: см. `kafka-lab status`; остановите его или программу, занявшую порт (например, `ss -ltnp | grep {port}`)",
  ),
  exited: t(
    "{name} exited during start-up (exit code {code}); the end of {log}:\n{tail}",
    "{name} завершился при запуске (код выхода {code}); конец {log}:\n{tail}",
  ),
  fixLog: t(
    "fix what the log says, then `kafka-lab up` again",
    "исправьте то, о чём говорит журнал, и снова выполните `kafka-lab up`",
  ),
  interrupted: t("start-up interrupted", "запуск прерван"),
  notReady: t(
    "the cluster was not ready within {s} s\n{tail}",
    "кластер не был готов за {s} с\n{tail}",
  ),
  notReadyHint: t(
    "the machine may be slow: try `kafka-lab up --timeout 300`",
    "возможно, компьютер медленный: попробуйте `kafka-lab up --timeout 300`",
  ),
  noTar: t(
    "could not run tar to unpack {archive}: {why}",
    "не удалось запустить tar для распаковки {archive}: {why}",
  ),
  noTarHint: t(
    "install tar (it ships with Linux and macOS)",
    "установите tar (он есть в Linux и macOS)",
  ),
  tarFailed: t("tar could not unpack {archive}: {why}", "tar не смог распаковать {archive}: {why}"),
  javaInstall: t(
    "install Java 17 or newer (Debian/Ubuntu: `sudo apt install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`) and set JAVA_HOME, or use Docker: `kafka-lab up --runtime docker`",
    "установите Java 17 или новее (Debian/Ubuntu: `sudo apt install openjdk-17-jre-headless`; macOS: `brew install openjdk@17`) и задайте JAVA_HOME или используйте Docker: `kafka-lab up --runtime docker`",
  ),
  javaNotAt: t(
    "Java was not found at {path} (from JAVA_HOME)",
    "Java не найдена по пути {path} (из JAVA_HOME)",
  ),
  javaNotFound: t(
    "Java was not found: JAVA_HOME is not set and `java` is not on PATH",
    "Java не найдена: JAVA_HOME не задана, а `java` нет в PATH",
  ),
  javaVersionUnknown: t(
    "could not read the version of {path}: {text}",
    "не удалось узнать версию {path}: {text}",
  ),
  javaTooOld: t(
    "Kafka {kafka} needs Java {min} or newer; {path} is Java {version}",
    "Kafka {kafka} нужна Java {min} или новее; {path} — это Java {version}",
  ),
  dockerSize: t(
    "the docker runtime runs {n} brokers (compose.yaml), not {want}",
    "среда docker запускает {n} брокера (compose.yaml), а не {want}",
  ),
  dockerSizeHint: t(
    "use `kafka-lab up --runtime java --brokers N` for another size",
    "для другого размера используйте `kafka-lab up --runtime java --brokers N`",
  ),
  startDocker: t(
    "start Docker, or use the java runtime: `kafka-lab up --runtime java`",
    "запустите Docker или используйте среду java: `kafka-lab up --runtime java`",
  ),
  composeFailed: t(
    "docker compose up failed{text}",
    "docker compose up завершился с ошибкой{text}",
  ),
  composeFailedHint: t(
    "see `docker compose -p {project} logs`; ports 19092-19094, 8081 and 8080 must be free",
    "см. `docker compose -p {project} logs`; порты 19092-19094, 8081 и 8080 должны быть свободны",
  ),
  composeNotServing: t(
    "the compose cluster started but does not serve clients",
    "кластер compose запущен, но не обслуживает клиентов",
  ),
  composeLogsHint: t(
    "see `docker compose -p {project} logs kafka-1`",
    "см. `docker compose -p {project} logs kafka-1`",
  ),
  checksum: t(
    "{file} from {url} does not match its pinned checksum (got {got} bytes, sha256 {sha}; expected {size} bytes, {want})",
    "{file} из {url} не совпадает с закреплённой контрольной суммой (получено байт: {got}, sha256 {sha}; ожидалось байт: {size}, {want})",
  ),
  checksumHint: t(
    "a proxy may have altered it or the transfer broke; run the command again",
    "возможно, его изменил прокси или передача прервалась; повторите команду",
  ),
  downloadFailed: t(
    "could not download {file} from {base}: {why}",
    "не удалось скачать {file} из {base}: {why}",
  ),
  downloadHint: t(
    "check the internet connection, or set KAFKA_LAB_MAVEN_REPO to a Maven mirror",
    "проверьте подключение к интернету или укажите зеркало Maven в KAFKA_LAB_MAVEN_REPO",
  ),
  downloadStart: t(
    "Downloading {files} file(s), {mb} MB, from {base} (once; cached in {cache})",
    "Скачиваются файлы: {files}, {mb} МБ, из {base} (один раз; кэш в {cache})",
  ),
  downloading: t(
    "downloading: {done}/{files} files, {mb}/{total} MB",
    "скачивание: файлов {done}/{files}, {mb}/{total} МБ",
  ),
  noDockerEngine: t(
    "no Docker engine answers ({detail})",
    "Docker не отвечает ({detail})",
  ),
  noCompose: t(
    "Docker Compose v2 is missing (`docker compose version` failed)",
    "нет Docker Compose v2 (`docker compose version` завершилась с ошибкой)",
  ),
  javaNotHere: t(
    "the java runtime runs on Linux and macOS; on Windows use Docker or WSL",
    "среда java работает на Linux и macOS; в Windows используйте Docker или WSL",
  ),
  usingJava: t("Using the java runtime ({reason}).", "Используется среда java ({reason})."),
  noRuntime: t(
    "no way to run a local cluster here: Docker: {docker}; Java: {java}",
    "здесь нечем запустить локальный кластер: Docker: {docker}; Java: {java}",
  ),
  noRuntimeHint: t(
    "install Java 17+ (the java runtime) or start Docker, then `kafka-lab up` again",
    "установите Java 17+ (среда java) или запустите Docker, затем снова `kafka-lab up`",
  ),
  composeStart: t(
    "Starting compose project {project} ({file}); the first start pulls images",
    "Запускается проект compose {project} ({file}); первый запуск скачивает образы",
  ),
  waitingReady: t(
    "waiting for the cluster ({seconds}s): brokers listening {up}/{n}, registered {registered}/{n}, registry {registry}",
    "ждём кластер ({seconds} с): брокеров слушают порт {up}/{n}, зарегистрировано {registered}/{n}, реестр {registry}",
  ),
  registryUp: t("up", "работает"),
  registryStarting: t("starting", "запускается"),
  stoppingWait: t("stopping: waiting for {names}", "остановка: ждём {names}"),
} as const;
