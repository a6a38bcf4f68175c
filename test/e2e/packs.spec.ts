/**
 * Packs in the window: on "Who has my data", the packs of the catalog counted in the user's own
 * country (or another, or everywhere), and "Pick…" taking a pack's companies to the batch page,
 * where one request each is written for review and nothing is sent.
 */
import { expect, snapshot, test } from "./fixtures";

const profile = {
  name: "Alex Example",
  email: "alex@example.org",
  address: "Musterstraße 12\n10115 Berlin",
  country: "DE",
};

test("a pack counted in the user’s country becomes a batch of one request per company", async ({
  page,
  harness,
}) => {
  const h = harness.current;
  expect((await h.api.call("profile:save", profile)).ok).toBe(true);
  const inGermany = await h.api.call("bulk:packCompanies", {
    pack: "credit-agencies",
    country: "DE",
  });
  if (!inGermany.ok) throw new Error(inGermany.error.message);
  const everywhere = await h.api.call("bulk:packCompanies", {
    pack: "credit-agencies",
  });
  if (!everywhere.ok) throw new Error(everywhere.error.message);
  expect(everywhere.data.length).toBeGreaterThan(inGermany.data.length);

  await page.goto(h.url);
  await page.getByRole("button", { name: "Who has my data" }).click();
  const packs = page.getByRole("table", { name: "Packs" });
  const credit = packs.locator('tr[data-pack="credit-agencies"]');
  // Counted in the profile's country first.
  await expect(page.getByLabel("In which country")).toHaveValue("DE");
  await expect(credit).toContainText("Credit agencies");
  await expect(credit.locator("td.num")).toHaveText(
    String(inGermany.data.length),
  );
  await snapshot(page, "bulk-packs");

  // Every country: the count follows.
  await page.getByLabel("In which country").selectOption("");
  await expect(credit.locator("td.num")).toHaveText(
    String(everywhere.data.length),
  );
  await page.getByLabel("In which country").selectOption("DE");
  await expect(credit.locator("td.num")).toHaveText(
    String(inGermany.data.length),
  );

  await credit
    .getByRole("button", {
      name: `Pick Credit agencies (${inGermany.data.length} companies)`,
    })
    .click();
  await expect(
    page.getByRole("heading", {
      name: `Ask ${inGermany.data.length} companies at once`,
    }),
  ).toBeVisible();
  await page
    .getByRole("button", { name: `Write ${inGermany.data.length} requests` })
    .click();
  await expect(page.getByTestId("batch")).toHaveAttribute(
    "data-state",
    "review",
    { timeout: 60_000 },
  );
  await expect(
    page
      .getByRole("table", { name: "Requests of this batch" })
      .locator("tbody tr"),
  ).toHaveCount(inGermany.data.length);
  const batches = await h.api.call("bulk:list", {});
  if (!batches.ok) throw new Error(batches.error.message);
  expect(batches.data).toHaveLength(1);
  expect(batches.data[0]!.counts.total).toBe(inGermany.data.length);
  expect(batches.data[0]!.counts.sent).toBe(0);
});

test.describe("in German", () => {
  test.use({ locale: "de-DE" });
  test("the packs speak the language", async ({ page, harness }) => {
    const h = harness.current;
    expect((await h.api.call("profile:save", profile)).ok).toBe(true);
    await page.goto(h.url);
    await page.getByRole("button", { name: "Wer hat meine Daten" }).click();
    const packs = page.getByRole("table", { name: "Pakete" });
    await expect(
      packs.locator('tr[data-pack="credit-agencies"]'),
    ).toContainText("Auskunfteien");
    await snapshot(page, "bulk-packs-de");
  });
});
