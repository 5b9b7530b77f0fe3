/**
 * Tells a listener that wants a SASL login apart from a dead one. Without
 * credentials, kafkajs only sees the broker close the connection, which reads
 * like "no broker answers" (exit 3); a SaslHandshake, which Kafka answers
 * before any login, says which mechanisms the listener asks for, so the error
 * can be the login one (exit 4) with the variables to set.
 * `Kafka.loginRequired()` (`clients.ts`) sends the handshake; this module
 * makes the error.
 * @module
 */
import { AuthError } from "../errors.ts";
import { fillText, t } from "../i18n.ts";

/** The broker at `address` asks for a login with one of `mechanisms`, and none is set. */
export function loginRequiredError(address: string, mechanisms: readonly string[]): AuthError {
  const vars = { address, mechanisms: mechanisms.join(", ") };
  return new AuthError(
    fillText(
      t(
        "the broker at {address} asks for a SASL login ({mechanisms}), and no credentials are set",
        "брокер {address} требует входа по SASL ({mechanisms}), а учётные данные не заданы",
      ),
      vars,
    ),
    {
      hint: t(
        "set KAFKA_LAB_SASL_MECHANISM (e.g. scram-sha-256), KAFKA_LAB_SASL_USERNAME and KAFKA_LAB_SASL_PASSWORD; a local cluster started with `kafka-lab up --auth` keeps them in its state folder (KAFKA_LAB_STATE_DIR)",
        "задайте KAFKA_LAB_SASL_MECHANISM (например, scram-sha-256), KAFKA_LAB_SASL_USERNAME и KAFKA_LAB_SASL_PASSWORD; локальный кластер, запущенный `kafka-lab up --auth`, хранит их в своей папке состояния (KAFKA_LAB_STATE_DIR)",
      ),
    },
  );
}
