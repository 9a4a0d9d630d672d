// File mode: "打开工作簿" — a file input and a drop zone. The file is read on this computer only.
// Once a file is open the zone is one line (the button and the file's name), so that the results
// of a 360 px pane are on its first screen.
import * as React from "react";
import { Button, Caption1, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { FolderOpen24Regular } from "@fluentui/react-icons";
import { useStrings } from "../i18n";

const useStyles = makeStyles({
  zone: {
    border: `2px dashed ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusLarge,
    padding: "16px",
    display: "flex",
    flexDirection: "column",
    gap: "8px",
    alignItems: "flex-start",
  },
  // a file is open: one line, the name beside the button (wrapping only when it must)
  compact: {
    padding: "6px 8px",
    borderTopWidth: "1px",
    borderRightWidth: "1px",
    borderBottomWidth: "1px",
    borderLeftWidth: "1px",
    flexDirection: "row",
    flexWrap: "wrap",
    alignItems: "center",
  },
  name: { minWidth: 0, overflowWrap: "anywhere" },
  over: {
    borderTopColor: tokens.colorBrandStroke1,
    borderRightColor: tokens.colorBrandStroke1,
    borderBottomColor: tokens.colorBrandStroke1,
    borderLeftColor: tokens.colorBrandStroke1,
    backgroundColor: tokens.colorBrandBackground2,
  },
  hidden: {
    position: "absolute",
    width: "1px",
    height: "1px",
    opacity: 0,
    overflowX: "hidden",
    overflowY: "hidden",
  },
});

export function OpenFile(props: {
  onFile: (file: File) => void;
  busy?: boolean;
  current?: string | null;
}) {
  const { s } = useStrings();
  const c = useStyles();
  const input = React.useRef<HTMLInputElement>(null);
  const [over, setOver] = React.useState(false);
  const pick = (files: FileList | null) => {
    const f = files?.[0];
    if (f) props.onFile(f);
  };
  return (
    <div
      className={mergeClasses(c.zone, !!props.current && c.compact, over && c.over)}
      onDragOver={(e) => {
        e.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(e) => {
        e.preventDefault();
        setOver(false);
        pick(e.dataTransfer.files);
      }}
      aria-label={s.dropHere}
    >
      <Button
        appearance={props.current ? "secondary" : "primary"}
        size={props.current ? "small" : "medium"}
        icon={<FolderOpen24Regular />}
        onClick={() => input.current?.click()}
        disabled={props.busy}
      >
        {s.openWorkbook}
      </Button>
      <input
        ref={input}
        className={c.hidden}
        type="file"
        accept=".xlsx,.xlsm,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        aria-label={s.openWorkbook}
        data-testid="open-workbook"
        onChange={(e) => {
          pick(e.currentTarget.files);
          e.currentTarget.value = "";
        }}
      />
      <Caption1 className={c.name}>{props.current ? props.current : s.openHint}</Caption1>
    </div>
  );
}
