/**
 * Every line `class` prints, in English and Russian.
 * @module
 */
import { t } from "../../lib/i18n.ts";

export const CLASS_TEXT = {
  needPassword: t(
    "roster line {line}: {name} has no password, and --skip-users makes none",
    "строка {line} списка: у {name} нет пароля, а с --skip-users пароли не создаются",
  ),
  needHint: t(
    "with --skip-users the cluster keeps the users (a managed service's API keys): give each student's key and secret in the roster as `name prefix secret`",
    "с --skip-users пользователями управляет кластер (API-ключи облачного сервиса): укажите ключ и секрет каждого студента в списке: `имя префикс секрет`",
  ),
  plainUsers: t(
    "PLAIN users cannot be made through Kafka: --mechanism plain needs --skip-users",
    "пользователей PLAIN через Kafka не создать: --mechanism plain требует --skip-users",
  ),
  securityDisabled: t(
    "the cluster has no authorizer (SECURITY_DISABLED): it keeps no ACLs, so students could not be fenced in",
    "у кластера нет авторизатора (SECURITY_DISABLED): он не хранит ACL, и студентов нельзя ограничить",
  ),
  securityDisabledHint: t(
    "locally: `kafka-lab down --purge`, then `kafka-lab up --runtime java --auth scram --acl`; elsewhere set authorizer.class.name on every node (README: Running a class on one shared cluster), or pass --skip-acls",
    "локально: `kafka-lab down --purge`, затем `kafka-lab up --runtime java --auth scram --acl`; на другом кластере задайте authorizer.class.name на каждом узле (README, раздел «Running a class on one shared cluster») или укажите --skip-acls",
  ),
  notPropagated: t(
    "not every broker knows the new users and ACLs yet; a student's first command may be refused for a few seconds",
    "ещё не все брокеры знают новых пользователей и ACL; первая команда студента в ближайшие секунды может получить отказ",
  ),
  source: {
    roster: t("from the roster", "из списка"),
    kept: t("kept", "прежний"),
    new: t("new", "новый"),
  },
  initHeaders: [
    t("user", "пользователь"),
    t("prefix", "префикс"),
    t("password", "пароль"),
    t("ACLs (+new =had)", "ACL (+новые =были)"),
    t(".env", ".env"),
  ],
  initDone: t(
    "{n} student(s) ready, {acls} ACL(s) created; their .env files are in {out} (owner-only: hand each student their own)",
    "студентов готово: {n}, создано ACL: {acls}; их файлы .env — в {out} (доступ только владельцу: раздайте каждому его файл)",
  ),
  removeHeaders: [
    t("user", "пользователь"),
    t("ACLs deleted", "удалено ACL"),
    t("SCRAM", "SCRAM"),
    t(".env", ".env"),
  ],
  userDeleted: t("deleted", "удалён"),
  skipped: t("left alone", "не тронут"),
  removeDone: t(
    "{n} student(s) taken back: their users and ACLs are gone",
    "студентов убрано: {n}; их пользователи и ACL удалены",
  ),
  listHeaders: [
    t("user", "пользователь"),
    t("SCRAM", "SCRAM"),
    t("prefixes", "префиксы"),
    t("ACLs", "ACL"),
  ],
  missing: t("(missing: run class init)", "(нет: запустите class init)"),
  noUsers: t(
    "no users and no ACLs on this cluster",
    "на этом кластере нет ни пользователей, ни ACL",
  ),
};
