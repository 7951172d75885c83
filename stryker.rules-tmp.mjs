import base from "./stryker.config.mjs";
export default { ...base, tempDirName: ".stryker-tmp-rules", ignorePatterns: [".stryker-tmp", "reports", "dist"], jsonReporter: { fileName: "reports/mutation/rules.json" }, htmlReporter: { fileName: "reports/mutation/rules.html" } };
