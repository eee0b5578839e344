import { periodPage } from "@/components/period-view";

const page = periodPage("date");
export const generateMetadata = page.generateMetadata;
export default page.Page;
