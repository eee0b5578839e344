/** The classes of a segmented-control pill (view, sort, scope), marked when it is the current one. */
export const pillClass = (active: boolean) =>
  `rounded-md px-2.5 py-1 text-sm font-medium ${
    active
      ? "bg-gray-900 text-white dark:bg-white dark:text-gray-900"
      : "text-gray-600 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
  }`;
