// Runs before `npm test`. The task-pane issue extends it (Chromium for the browser tests, a fresh build).
console.log("pretest: nothing to prepare yet");
