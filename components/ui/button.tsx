import Link from "next/link";
import type { ComponentProps } from "react";

export type ButtonVariant = "primary" | "secondary" | "danger";
/** lg: in the text size around it (the sign-in page); md: page-level actions; sm: form controls; xs: actions inside table rows. */
export type ButtonSize = "lg" | "md" | "sm" | "xs";

const sizes: Record<ButtonSize, string> = {
  lg: "rounded-lg px-4 py-2",
  md: "rounded-lg px-4 py-2 text-sm",
  sm: "rounded-lg px-3 py-1.5 text-sm",
  xs: "rounded-md px-2.5 py-1 text-sm",
};

const variants: Record<ButtonVariant, string> = {
  primary:
    "bg-gray-900 font-semibold text-white hover:bg-gray-700 disabled:opacity-60 dark:bg-white dark:text-gray-900 dark:hover:bg-gray-200",
  secondary: "border border-gray-300 hover:bg-gray-50 disabled:opacity-60 dark:border-gray-700 dark:hover:bg-gray-900",
  danger:
    "border border-red-300 text-red-800 hover:bg-red-50 disabled:opacity-60 dark:border-red-800 dark:text-red-200 dark:hover:bg-red-950",
};

/** The classes of a button (or of a link that looks like one): a plain function, usable anywhere. */
export function buttonClass(variant: ButtonVariant = "primary", size: ButtonSize = "md"): string {
  const weight = variant === "primary" ? "" : size === "sm" || size === "xs" ? " font-medium" : " font-semibold";
  return `${sizes[size]} ${variants[variant]}${weight}`;
}

function join(base: string, extra: string | undefined): string {
  return extra ? `${base} ${extra}` : base;
}

export interface ButtonProps extends ComponentProps<"button"> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** A `<button>`; `type` defaults to "button" so it never submits a form by accident. */
export function Button({ variant, size, className, type = "button", ...props }: ButtonProps) {
  return <button type={type} className={join(buttonClass(variant, size), className)} {...props} />;
}

export interface ButtonLinkProps extends ComponentProps<typeof Link> {
  variant?: ButtonVariant;
  size?: ButtonSize;
}

/** A Next `<Link>` that looks like a button. */
export function ButtonLink({ variant, size, className, ...props }: ButtonLinkProps) {
  return <Link className={join(buttonClass(variant, size), className)} {...props} />;
}
