/** A commitment in a dashboard's list: its code and title as a link, then what the list says of it. */
export function CommitmentItem({
  item,
  children,
}: {
  item: { id: number; code: string; title: string; mesa: { name: string } };
  children: React.ReactNode;
}) {
  return (
    <li>
      <a href={`/commitments/${item.id}`}>
        {item.code} · {item.title}
      </a>{" "}
      <span className="muted">{item.mesa.name} · </span>
      {children}
    </li>
  );
}
