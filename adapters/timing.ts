// Platforms give a bot a few seconds to acknowledge; both adapters need to know whether an
// answer arrived inside a budget without ever letting a timer outlive it.

/** True when `work` settles (either way) within `ms`; never rejects. The caller awaits `work` for its outcome. */
export async function settlesWithin(work: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), ms);
  });
  try {
    return await Promise.race([work.then(() => true, () => true), late]);
  } finally {
    clearTimeout(timer);
  }
}
