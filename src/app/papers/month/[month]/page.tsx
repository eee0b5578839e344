import { periodPage } from "../../period-view";

const page = periodPage("month");
export const generateMetadata = page.generateMetadata;
export default page.Page;
