// What every command's action does with its run function's answer: the exit code of the process.
export const exit = async (code: Promise<number>): Promise<void> => {
  process.exitCode = await code;
};
