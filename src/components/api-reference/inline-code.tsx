/** Prose whose `backticked` spans are code, as the API's descriptions write them. */
export function InlineCode({ text }: { text: string }) {
  return (
    <>
      {text.split("`").map((part, index) =>
        index % 2 === 1 ? (
          <code key={index} className="rounded bg-gray-100 px-1 font-mono text-[0.9em] dark:bg-gray-800">
            {part}
          </code>
        ) : (
          part
        ),
      )}
    </>
  );
}
