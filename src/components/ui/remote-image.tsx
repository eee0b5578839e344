"use client";

import { useState, type ReactNode } from "react";

export interface RemoteImageProps {
  src: string;
  className: string;
  width?: number;
  height?: number;
  /** Shown instead when the image cannot be loaded (offline, host not allowed, gone). */
  fallback: ReactNode;
}

/** An image from another host that gives way to a placeholder instead of a broken-image glyph. */
export function RemoteImage({ src, className, width, height, fallback }: RemoteImageProps) {
  const [failed, setFailed] = useState(false);
  if (failed) return fallback;
  return (
    <img
      src={src}
      alt=""
      loading="lazy"
      width={width}
      height={height}
      className={className}
      onError={() => setFailed(true)}
      // An image that failed before hydration has already fired its error event.
      ref={(image) => {
        if (image?.complete && image.naturalWidth === 0) setFailed(true);
      }}
    />
  );
}
