export { SesMailer, type SesMailerOptions } from "./ses-mailer";
