export function SearchBox({ defaultValue = "" }: { defaultValue?: string }) {
  return (
    <form role="search" action="/papers" method="get" className="w-full">
      <label htmlFor="site-search" className="sr-only">
        Search papers
      </label>
      <input
        id="site-search"
        name="q"
        type="search"
        defaultValue={defaultValue}
        placeholder="Search papers, authors or an arXiv id"
        maxLength={500}
        className="w-full rounded-lg border border-gray-300 bg-white px-3 py-1.5 text-sm placeholder:text-gray-400 focus:border-indigo-500 focus:outline-2 focus:outline-indigo-500/30 dark:border-gray-700 dark:bg-gray-900"
      />
    </form>
  );
}
