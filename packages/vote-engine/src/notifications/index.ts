export { DEFAULT_MAIL_LANGUAGE, isMailLanguage, type MailLanguage, mailLanguages, writingDirection } from "./languages";
export { type MessageFacts, type NotificationKind, notificationKinds } from "./message-kinds";
export { type RenderedMessage, renderMessage } from "./render-message";
