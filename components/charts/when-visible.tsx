"use client";

import { useEffect, useRef, useState, type CSSProperties, type ReactNode } from "react";

/**
 * A box that renders its drawing once it comes near the screen (or before printing): charts
 * below the fold then load no chart code on a phone that never scrolls to them. The box keeps
 * its size meanwhile, so nothing moves.
 */
export function WhenVisible({
  className,
  style,
  children,
}: {
  className: string;
  style: CSSProperties;
  children: ReactNode;
}) {
  const box = useRef<HTMLDivElement>(null);
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const element = box.current;
    if (shown || !element) return;
    const show = () => setShown(true);
    const observer = new IntersectionObserver((entries) => entries.some((e) => e.isIntersecting) && show(), {
      rootMargin: "300px",
    });
    observer.observe(element);
    window.addEventListener("beforeprint", show);
    return () => {
      observer.disconnect();
      window.removeEventListener("beforeprint", show);
    };
  }, [shown]);
  return (
    <div ref={box} className={className} style={style} aria-hidden="true">
      {shown && children}
    </div>
  );
}
