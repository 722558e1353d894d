export interface IconProps {
  /** Size and colour utilities; the default is `size-4`. */
  className?: string;
}

/**
 * A decorative 24×24 stroke icon: hidden from assistive technology, labelled by the text beside
 * it. Drawn by a CSS mask (app/icons.css) in the text colour, so each use is one short element
 * rather than an inline <svg> repeated in the HTML and in the React payload of every card.
 */
export function Icon({ name, className = "size-4" }: IconProps & { name: string }) {
  return <span aria-hidden="true" className={`icon i-${name} ${className}`} />;
}

export const ArrowUpIcon = (p: IconProps) => <Icon name="arrow-up" {...p} />;
export const CommentIcon = (p: IconProps) => <Icon name="comment" {...p} />;
export const StarIcon = (p: IconProps) => <Icon name="star" {...p} />;
export const ChevronLeftIcon = (p: IconProps) => <Icon name="chevron-left" {...p} />;
export const ChevronRightIcon = (p: IconProps) => <Icon name="chevron-right" {...p} />;
export const CalendarIcon = (p: IconProps) => <Icon name="calendar" {...p} />;
export const SearchIcon = (p: IconProps) => <Icon name="search" {...p} />;
export const CodeIcon = (p: IconProps) => <Icon name="code" {...p} />;
export const FileIcon = (p: IconProps) => <Icon name="file" {...p} />;
export const GlobeIcon = (p: IconProps) => <Icon name="globe" {...p} />;
export const ExternalIcon = (p: IconProps) => <Icon name="external" {...p} />;
export const FeedIcon = (p: IconProps) => <Icon name="feed" {...p} />;
/** The Paperboy mark: a rolled newspaper. */
export const LogoIcon = (p: IconProps) => <Icon name="logo" {...p} />;
