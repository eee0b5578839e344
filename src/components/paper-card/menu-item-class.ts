/** An item of a card's More menu: a link or a button, a full-width row at least 32 px tall. */
export const MENU_ITEM_CLASS =
  "flex min-h-8 w-full items-center gap-2 rounded-md px-2 py-1 text-left text-sm hover:bg-gray-100 hover:text-gray-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-gray-800 dark:hover:text-gray-100";
