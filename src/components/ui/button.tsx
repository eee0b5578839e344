import type { ButtonHTMLAttributes } from "react";

const TONES = {
  primary: "bg-indigo-600 text-white hover:bg-indigo-500 focus-visible:outline-indigo-500",
  secondary:
    "border border-gray-300 bg-white text-gray-800 hover:bg-gray-50 focus-visible:outline-indigo-500 dark:border-gray-700 dark:bg-gray-900 dark:text-gray-100 dark:hover:bg-gray-800",
  danger: "bg-red-600 text-white hover:bg-red-500 focus-visible:outline-red-500",
} as const;

const SIZES = {
  md: "px-4 py-2",
  sm: "px-3 py-1.5 text-sm",
} as const;

export interface ButtonStyle {
  tone?: keyof typeof TONES;
  size?: keyof typeof SIZES;
  className?: string;
}

/** The site's solid button look, for a <button> or a link that acts as one. */
export function buttonClasses({ tone = "primary", size = "md", className = "" }: ButtonStyle = {}): string {
  return `inline-flex items-center justify-center rounded-lg font-semibold focus-visible:outline-2 focus-visible:outline-offset-2 disabled:cursor-wait disabled:opacity-70 ${TONES[tone]} ${SIZES[size]} ${className}`;
}

export function Button({ tone, size, className, type = "button", ...props }: ButtonStyle & ButtonHTMLAttributes<HTMLButtonElement>) {
  return <button type={type} className={buttonClasses({ tone, size, className })} {...props} />;
}
