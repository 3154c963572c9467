import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700 disabled:bg-neutral-300 disabled:text-neutral-600",
  secondary: "border border-neutral-300 bg-white text-ink hover:bg-neutral-100 disabled:text-neutral-500",
  danger: "bg-red-700 text-white hover:bg-red-800 disabled:bg-neutral-300",
  link: "text-brand-700 underline-offset-2 hover:underline px-0 py-0",
} as const;

export type ButtonVariant = keyof typeof VARIANTS;

export function buttonClass(variant: ButtonVariant = "primary", extra = ""): string {
  const base = variant === "link" ? "" : "inline-flex items-center justify-center gap-2 rounded px-4 py-2 text-sm font-semibold transition-colors disabled:cursor-not-allowed";
  return `${base} ${VARIANTS[variant]} ${extra}`.trim();
}

export function Button({ variant = "primary", className = "", ...props }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}

export function ButtonLink({ variant = "primary", className = "", ...props }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClass(variant, className)} {...props} />;
}
