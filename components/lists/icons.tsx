import { Icon, type IconProps } from "@/components/ui/icons";

// The reading-list controls' icons, drawn like the others (components/ui/icons.tsx, app/icons.css).

export const BookmarkIcon = ({ filled, ...p }: IconProps & { filled?: boolean }) => (
  <Icon name={filled ? "bookmark-filled" : "bookmark"} {...p} />
);
export const ChevronDownIcon = (p: IconProps) => <Icon name="chevron-down" {...p} />;
export const CheckIcon = (p: IconProps) => <Icon name="check" {...p} />;
export const GripIcon = (p: IconProps) => <Icon name="grip" {...p} />;
export const MoveUpIcon = (p: IconProps) => <Icon name="chevron-up" {...p} />;
export const MoveDownIcon = (p: IconProps) => <Icon name="chevron-down" {...p} />;
export const PlusIcon = (p: IconProps) => <Icon name="plus" {...p} />;
