import type { ReactNode } from "react";
import "./embed.css";

/** The widget's own styles; the pages around it are framed by any site (see security-headers.ts, framingFor). */
export default function EmbedLayout({ children }: { children: ReactNode }) {
  return children;
}
