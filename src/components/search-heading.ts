/** The id of the search page's heading: the header's search box moves the focus there after a search. */
export const SEARCH_HEADING_ID = "search-heading";
