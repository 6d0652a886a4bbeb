import { describe, expect, it } from "vitest";
import { BOT_COMMANDS, parseCommand } from "../../src/bot/commands.js";

describe("parseCommand", () => {
  it("parses a command with arguments", () => {
    expect(parseCommand("/cite 2023年铁东区社零总额")).toEqual({
      name: "cite",
      args: "2023年铁东区社零总额",
      target: null,
    });
  });

  it("parses a bare command, a bot suffix and surrounding space", () => {
    expect(parseCommand("  /Sources  ")).toEqual({ name: "sources", args: "", target: null });
    expect(parseCommand("/compare@AnshanBot 社零总额 2022 2023")).toEqual({
      name: "compare",
      args: "社零总额 2022 2023",
      target: "AnshanBot",
    });
  });

  it("returns null for ordinary text", () => {
    expect(parseCommand("2023年铁东区社零总额是多少")).toBeNull();
    expect(parseCommand("/ 空格")).toBeNull();
    expect(parseCommand("/cite铁东区")).toBeNull();
  });
});

describe("BOT_COMMANDS", () => {
  it("satisfies Telegram's setMyCommands rules", () => {
    for (const c of BOT_COMMANDS) {
      expect(c.command).toMatch(/^[a-z0-9_]{1,32}$/);
      expect(c.description.length).toBeGreaterThan(0);
      expect(c.description.length).toBeLessThanOrEqual(256);
    }
  });
});
