export { createSqsClient } from "./client";
export { deadLetterQueueUrl, queueNameOf } from "./dead-letter-queue-url";
export { DEAD_LETTER_RETENTION_SECONDS, ensureDeadLetterQueue } from "./ensure-dead-letter-queue";
export { SqsDeadLetterQueue } from "./sqs-dead-letter-queue";
export { SqsDeliveryEvents } from "./sqs-delivery-events";
