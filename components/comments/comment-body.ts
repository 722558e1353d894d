/** Rendered comment Markdown: readable links, code and quotes; wide code, tables and math scroll instead of widening the page. */
export const commentBodyClass =
  "min-w-0 break-words text-sm leading-6 [&_a]:font-medium [&_a]:text-amber-800 [&_a]:underline dark:[&_a]:text-amber-300 " +
  "[&_blockquote]:border-l-4 [&_blockquote]:border-gray-300 [&_blockquote]:pl-3 dark:[&_blockquote]:border-gray-700 " +
  "[&_code]:rounded [&_code]:bg-gray-100 [&_code]:px-1 dark:[&_code]:bg-gray-800 [&_pre]:overflow-x-auto [&_pre]:rounded [&_pre]:bg-gray-100 [&_pre]:p-2 dark:[&_pre]:bg-gray-800 " +
  "[&_ol]:list-decimal [&_ol]:pl-6 [&_ul]:list-disc [&_ul]:pl-6 [&_p]:my-1 [&_table]:block [&_table]:overflow-x-auto [&_td]:border [&_td]:px-2 [&_th]:border [&_th]:px-2 " +
  "[&_.katex-display]:overflow-x-auto [&_.katex-display]:overflow-y-hidden";
