/** The five tones every coloured component takes (badge, alert, stat, confirm dialog). */
export type Tone = "neutral" | "info" | "success" | "warning" | "danger";
