import { addMonths, DAY, monthsIn, proRata, refundWindowEnds, retentionDays, type Frequency } from "./calendar";
import { OFFERS, priceOf, type ModelOffer } from "./offers";

/**
 * A deliberately plain reference model of one customer's subscriptions under the how-to "Create,
 * suspend, or cancel customer subscriptions" and issue 10. It imports nothing from lib/subscriptions:
 * every date and every cent is computed here again, the simple way, so that the real domain and the
 * model can be driven with the same commands and compared after each step (model-based.test.ts).
 * Where the how-to is silent, the choices are written down in docs/decisions/0007-reference-model.md.
 */

export type Status = "active" | "suspended" | "cancelled" | "expired" | "deleted";
export type EntryKind = "purchase" | "prorata" | "renewal" | "conversion" | "cancellation_credit" | "quantity_credit";

export interface Entry {
  kind: EntryKind;
  amount: number;
  postedAt: number;
}

export interface ModelSub {
  offer: ModelOffer;
  /** Index of the base subscription for an add-on. */
  base: number | null;
  frequency: Frequency;
  quantity: number;
  /** A decrease that takes effect at renewal. */
  scheduled: number | null;
  status: Status;
  autoRenew: boolean;
  orderedAt: number;
  trialEndsAt: number | null;
  converted: boolean;
  termStart: number;
  termEnd: number;
  /** Term ends are counted from here: the n-th term ends n terms after it (issue 10, item 5). */
  anchor: number;
  termsFromAnchor: number;
  deletionAt: number | null;
  suspendedWithBase: boolean;
  cancelAt: number | null;
  ledger: Entry[];
}

export interface Customer {
  createdAt: number;
  firstBillingAt: number | null;
}

export type Outcome = "ok" | "refused";

export class Model {
  readonly subs: ModelSub[] = [];

  constructor(
    readonly customer: Customer,
    public now: number,
    /** Told of every lifecycle event, for the test's coverage counts. */
    private readonly onEvent: (event: string) => void = () => {},
  ) {}

  // ───────────────────────────── helpers ─────────────────────────────

  private inTrial = (s: ModelSub) => s.trialEndsAt !== null && !s.converted;
  private unit = (s: ModelSub) => priceOf(s.offer, s.frequency)!;
  private addOnsOf = (s: ModelSub) => this.subs.filter((a) => a.base !== null && this.subs[a.base] === s);
  private baseOf = (s: ModelSub) => (s.base === null ? null : this.subs[s.base]);

  private post(s: ModelSub, kind: EntryKind, amount: number, at: number): void {
    // A zero charge is not an invoice line.
    if (amount !== 0) s.ledger.push({ kind, amount, postedAt: at });
  }

  net = (s: ModelSub) => s.ledger.reduce((t, e) => t + e.amount, 0);

  private termEnd(anchor: number, terms: number, frequency: Frequency): number {
    return addMonths(anchor, terms * monthsIn(frequency));
  }

  private inRange = (o: ModelOffer, quantity: number) => Number.isInteger(quantity) && quantity >= o.min && quantity <= o.max;

  // ───────────────────────────── commands ─────────────────────────────

  /** Add to cart, Review, Buy: one base subscription. */
  buy(offerId: string, quantity: number, frequency: Frequency): Outcome {
    const offer = OFFERS[offerId];
    if (priceOf(offer, frequency) === null || !this.inRange(offer, quantity)) return "refused";
    const same = this.subs.filter((s) => s.offer === offer);
    // "The customer's subscription may have been suspended (In this case, you can reactivate ...)"
    if (same.some((s) => s.status === "suspended")) return "refused";
    // "The customer already has a subscription to that product and is only allowed one"
    if (offer.onePerCustomer && same.some((s) => s.status === "active")) return "refused";
    // "If your subscription comes with a 30-day free trial, the free trial period will be applied automatically."
    const trialEndsAt = offer.trialDays > 0 ? this.now + offer.trialDays * DAY : null;
    const termStart = trialEndsAt ?? this.now;
    const sub = this.create({ offer, base: null, frequency, quantity, autoRenew: true, trialEndsAt, termStart, termEnd: this.termEnd(termStart, 1, frequency), anchor: termStart });
    if (trialEndsAt === null) this.post(sub, "purchase", this.unit(sub) * quantity, this.now);
    return "ok";
  }

  private create(fields: Pick<ModelSub, "offer" | "base" | "frequency" | "quantity" | "autoRenew" | "trialEndsAt" | "termStart" | "termEnd" | "anchor">): ModelSub {
    const sub: ModelSub = { ...fields, scheduled: null, status: "active", orderedAt: this.now, converted: false, termsFromAnchor: 1, deletionAt: null, suspendedWithBase: false, cancelAt: null, ledger: [] };
    this.subs.push(sub);
    return sub;
  }

  /** The base's page: "Update the quantity of licenses for each required Add-on. Then Submit your changes." */
  setAddOn(baseIndex: number, addOnId: string, quantity: number): Outcome {
    const base = this.subs[baseIndex];
    if (!base.offer.addOns.includes(addOnId)) return "refused";
    const offer = OFFERS[addOnId];
    const owned = this.addOnsOf(base).find((a) => a.offer === offer && (a.status === "active" || a.status === "suspended"));
    if (owned) return this.setQuantity(this.subs.indexOf(owned), quantity);
    if (quantity === 0) return "ok";
    // "To purchase an add-on the customer must first have an active base subscription."
    if (base.status !== "active" || !this.inRange(offer, quantity)) return "refused";
    // "Start dates for add-ons align to the base subscription": same term, same trial, free with it.
    const trial = this.inTrial(base) ? base.trialEndsAt : null;
    const sub = this.create({ offer, base: baseIndex, frequency: base.frequency, quantity, autoRenew: base.autoRenew, trialEndsAt: trial, termStart: base.termStart, termEnd: base.termEnd, anchor: base.anchor });
    // "... with pro-rata charges in the first invoice."
    if (trial === null) this.post(sub, "prorata", proRata(this.unit(sub) * quantity, base.termStart, base.termEnd, Math.max(this.now, base.termStart)), this.now);
    return "ok";
  }

  /** The quantity box and Submit: more licenses now, pro-rated; fewer refunded in the window, else at renewal. */
  setQuantity(index: number, quantity: number): Outcome {
    const s = this.subs[index];
    if (quantity === (s.scheduled ?? s.quantity)) return "ok";
    if (s.status !== "active" || !this.inRange(s.offer, quantity)) return "refused";
    const change = quantity - s.quantity;
    if (change === 0) {
      s.scheduled = null;
    } else if (change > 0 || this.inTrial(s) || this.now < refundWindowEnds(s.orderedAt, s.frequency)) {
      s.quantity = quantity;
      s.scheduled = null;
      if (!this.inTrial(s)) {
        const part = proRata(this.unit(s) * Math.abs(change), s.termStart, s.termEnd, Math.max(this.now, s.termStart));
        if (change > 0) this.post(s, "prorata", part, this.now);
        else this.post(s, "quantity_credit", -Math.min(part, this.net(s)), this.now);
      }
    } else {
      s.scheduled = quantity;
    }
    return "ok";
  }

  /** "In the Status section, choose Suspended. Then Submit": the base's add-ons are suspended with it. */
  suspend(index: number): Outcome {
    const s = this.subs[index];
    // Submit with the status the subscription already has changes nothing.
    if (s.status === "suspended") return "ok";
    if (s.status !== "active") return "refused";
    const deletionAt = this.now + retentionDays(this.customer.createdAt, this.customer.firstBillingAt) * DAY;
    for (const a of this.addOnsOf(s)) if (a.status === "active") Object.assign(a, { status: "suspended", deletionAt, suspendedWithBase: true });
    Object.assign(s, { status: "suspended", deletionAt, suspendedWithBase: false });
    return "ok";
  }

  /** Choose Active and Submit: the add-ons suspended with the base come back; a lapsed term starts afresh. */
  reactivate(index: number): Outcome {
    const s = this.subs[index];
    if (s.status === "active") return "ok";
    if (s.status !== "suspended") return "refused";
    if (this.baseOf(s) && this.baseOf(s)!.status !== "active") return "refused";
    // A term that ran out while suspended, or a free trial that ended while suspended, gives way to a new
    // paid term from now, charged once (issue 10, item 3); the suspended time is never charged.
    const trialEnded = (x: ModelSub) => this.inTrial(x) && x.trialEndsAt! <= this.now;
    const fresh = s.termEnd <= this.now || trialEnded(s);
    // With Auto-renew off it would have ended at that date: it can't start the term it opted out of.
    if (fresh && !s.autoRenew) return "refused";
    for (const sub of [s, ...this.addOnsOf(s).filter((a) => a.status === "suspended" && a.suspendedWithBase)]) {
      Object.assign(sub, { status: "active", deletionAt: null, suspendedWithBase: false });
      if (!fresh) continue;
      const converts = this.inTrial(sub);
      const base = this.baseOf(sub);
      if (sub === s && base) {
        // "Start dates for add-ons align to the base subscription": an add-on reactivated on its own
        // after its term ran out joins its base's current term, pro-rated like a new add-on.
        Object.assign(sub, { converted: sub.converted || converts, termStart: this.now, termEnd: base.termEnd });
        this.post(sub, "prorata", proRata(this.unit(sub) * sub.quantity, base.termStart, base.termEnd, this.now), this.now);
        continue;
      }
      Object.assign(sub, { converted: sub.converted || converts, termStart: this.now, termEnd: this.termEnd(this.now, 1, s.frequency), anchor: this.now, termsFromAnchor: 1 });
      this.post(sub, converts ? "conversion" : "renewal", this.unit(sub) * sub.quantity, this.now);
    }
    return "ok";
  }

  /** Cancel, then Yes, cancel: a full credit in the refund window, else scheduled for the renewal date. */
  cancel(index: number): Outcome {
    const s = this.subs[index];
    // "You have the option to cancel license-based SaaS subscriptions from third-party ISV publishers"
    if (!s.offer.isv || s.status !== "active" || s.cancelAt !== null) return "refused";
    if (this.now < refundWindowEnds(s.orderedAt, s.frequency)) this.endNow(s, true, this.now);
    else s.cancelAt = this.inTrial(s) ? s.trialEndsAt : s.termEnd;
    return "ok";
  }

  private endNow(s: ModelSub, refund: boolean, at: number): void {
    for (const a of this.addOnsOf(s)) if (a.status === "active" || a.status === "suspended") this.endNow(a, refund, at);
    // "As long as you cancel within the cancellation period, you will receive a full refund."
    if (refund && this.net(s) > 0) this.post(s, "cancellation_credit", -this.net(s), at);
    s.status = "cancelled";
  }

  /** "you can optionally choose not to automatically renew the subscription" (commercial marketplace only). */
  setAutoRenew(index: number, on: boolean): Outcome {
    const s = this.subs[index];
    if (s.autoRenew === on) return "ok";
    if (!s.offer.isv || s.status !== "active") return "refused";
    s.autoRenew = on;
    return "ok";
  }

  // ───────────────────────────── time ─────────────────────────────

  /** Everything due up to `until`, in time order; at one instant: cancellations, trial ends, term ends, deletions; bases first. */
  advanceTo(until: number): void {
    this.now = Math.max(this.now, until);
    for (;;) {
      const due = this.subs
        .flatMap((s, i) => this.eventsOf(s).map((e) => ({ ...e, s, i })))
        .filter((e) => e.at <= this.now)
        .sort((a, b) => a.at - b.at || a.order - b.order || Number(a.s.base !== null) - Number(b.s.base !== null) || a.i - b.i);
      if (due.length === 0) return;
      const { kind, s, at } = due[0];
      this.onEvent(`${kind}${s.base === null ? "" : " (add-on)"}${s.status === "suspended" ? " while suspended" : ""}`);
      if (kind === "cancellation") this.endNow(s, false, at);
      if (kind === "trial_end") this.trialEnds(s, at);
      if (kind === "term_end") this.termEnds(s, at);
      if (kind === "deletion") s.status = "deleted";
    }
  }

  private eventsOf(s: ModelSub): { kind: "cancellation" | "trial_end" | "term_end" | "deletion"; at: number; order: number }[] {
    const live = s.status === "active" || s.status === "suspended";
    // Auto-renew off ends a subscription at its renewal even while suspended (docs/decisions/0007).
    const renewing = s.status === "active" || (s.status === "suspended" && !s.autoRenew);
    const events = [];
    if (live && s.cancelAt !== null) events.push({ kind: "cancellation" as const, at: s.cancelAt, order: 0 });
    if (renewing && this.inTrial(s)) events.push({ kind: "trial_end" as const, at: s.trialEndsAt!, order: 1 });
    if (renewing && !this.inTrial(s)) events.push({ kind: "term_end" as const, at: s.termEnd, order: 2 });
    // "All data will be deleted unless the subscription is reactivated within 90 days ..."
    if (s.status === "suspended" && s.deletionAt !== null) events.push({ kind: "deletion" as const, at: s.deletionAt, order: 3 });
    return events;
  }

  /** "Once the free trial period ends, the subscription term will begin and the subscription will convert to paid status." */
  private trialEnds(s: ModelSub, at: number): void {
    // Auto-renew off during the trial: it ends with the trial, no paid term (issue 10, item 6).
    if (!s.autoRenew || s.status !== "active") return this.expire(s);
    s.converted = true;
    this.post(s, "conversion", this.unit(s) * s.quantity, at);
  }

  private termEnds(s: ModelSub, at: number): void {
    if (s.scheduled !== null) [s.quantity, s.scheduled] = [s.scheduled, null];
    const base = this.baseOf(s);
    // An add-on renews only with its base, at the same instant, and only with its own Auto-renew on (item 1).
    const baseRenewed = !base || (base.status === "active" && base.termStart === at);
    if (s.status !== "active" || !s.autoRenew || !baseRenewed) return this.expire(s);
    s.termsFromAnchor += 1;
    const termEnd = base ? base.termEnd : this.termEnd(s.anchor, s.termsFromAnchor, s.frequency);
    Object.assign(s, { termStart: at, termEnd });
    this.post(s, "renewal", this.unit(s) * s.quantity, at);
  }

  private expire(s: ModelSub): void {
    s.status = "expired";
    for (const a of this.addOnsOf(s)) if (a.status === "active" || a.status === "suspended") this.expire(a);
  }
}
