// Hands a text the app made (an export) to the browser as a download, under its own name.

export interface TextFile {
  name: string;
  text: string;
}

export function saveFile(file: TextFile, type: string): void {
  const url = URL.createObjectURL(new Blob([file.text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = file.name;
  a.click();
  URL.revokeObjectURL(url);
}
