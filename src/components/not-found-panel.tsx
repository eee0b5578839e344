import Link from "next/link";

export interface NotFoundAction {
  href: string;
  label: string;
  /** Leaves the site (arXiv): opens as a plain external link. */
  external?: boolean;
}

/** The body of every 404 page: what was not found and where to go instead. */
export function NotFoundPanel({ title, message, actions }: { title: string; message: React.ReactNode; actions: NotFoundAction[] }) {
  return (
    <section className="py-16 text-center">
      <p className="text-sm font-semibold text-indigo-600 dark:text-indigo-400">404</p>
      <h1 className="mt-2 text-2xl font-bold">{title}</h1>
      <p className="mx-auto mt-2 max-w-xl text-gray-600 dark:text-gray-400">{message}</p>
      <ul className="mt-6 flex flex-wrap justify-center gap-x-6 gap-y-3">
        {actions.map((action) => (
          <li key={action.href}>
            {action.external ? (
              <a href={action.href} rel="noopener" className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {action.label}
              </a>
            ) : (
              <Link href={action.href} className="font-medium text-indigo-600 hover:underline dark:text-indigo-400">
                {action.label}
              </Link>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
