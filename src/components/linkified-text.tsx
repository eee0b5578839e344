const URL_PATTERN = /(https?:\/\/[^\s<>"]+)/g;

/** Plain text with its http(s) URLs as links (React escapes the rest). */
export function LinkifiedText({ text }: { text: string }) {
  return (
    <>
      {text.split(URL_PATTERN).map((part, index) =>
        index % 2 === 1 ? (
          <a key={index} href={part} className="break-all text-indigo-600 underline dark:text-indigo-400">
            {part}
          </a>
        ) : (
          part
        ),
      )}
    </>
  );
}
