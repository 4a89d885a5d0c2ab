export { SqsDeliveryEvents } from "./sqs-delivery-events";
