// The design system: every component both apps build their pages from. Styles are in
// @landslide/ui/styles.css (class names prefixed `ls-`); the date formatters in @landslide/ui/date-time.
export { Alert, type AlertProps } from "./alert";
export { Badge } from "./badge";
export { Button, type ButtonProps, type ButtonSize, type ButtonVariant } from "./button";
export { Card, type CardProps } from "./card";
export { Checkbox, type CheckboxProps } from "./checkbox";
export { ConfirmDialog, type ConfirmDialogProps } from "./confirm-dialog";
export { DateTime, type DateTimeProps, type DateTimeStyle } from "./date-time";
export { Dialog, DialogClose, type DialogProps } from "./dialog";
export { EmailAddress } from "./email-address";
export { EmptyState, type EmptyStateProps } from "./empty-state";
export { Field, type FieldControlProps, type FieldProps } from "./field";
export { Input, type InputProps } from "./input";
export { Radio, RadioGroup, type RadioGroupProps, type RadioProps } from "./radio-group";
export { Select, type SelectOption, type SelectProps } from "./select";
export { Spinner } from "./spinner";
export { Stat, StatGroup, type StatProps } from "./stat";
export { TabNav, type TabNavItem } from "./tab-nav";
export { Table, type TableColumn, type TableProps } from "./table";
export { type TabItem, Tabs, type TabsProps } from "./tabs";
export { Textarea, type TextareaProps } from "./textarea";
export type { Tone } from "./tone";
