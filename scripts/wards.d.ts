// Types of scripts/wards.js (a plain Node script, so `npm run demo` needs no compiler).
export declare const WARDS: ReadonlyArray<string>;
export declare function wardEdits(i: number): Readonly<Record<string, string | number | null>>;
export declare function writeWardFolder(dir: string, n: number, sample?: string): Promise<string[]>;
