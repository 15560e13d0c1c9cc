import { Injectable } from '@nestjs/common';
import type { JobOrderCreatedV1 } from '@aftersales/contracts';
import { Collections, Store } from '../common/store';

export interface JobOrderView {
  _id: string;
  number: string;
  source: { kind: string; id: string };
  serviceCenterId: string | null;
  customer: { name: string; phone: string | null; country: string };
  createdAt: string;
}

/** What the call center needs of a job order to call its customer back, from JobOrderCreated. */
@Injectable()
export class JobOrdersReadModel {
  constructor(private readonly store: Store) {}

  private get col() {
    return this.store.collection<JobOrderView>(Collections.jobOrders);
  }

  async apply(p: JobOrderCreatedV1): Promise<JobOrderView> {
    const view: JobOrderView = {
      _id: p.jobOrderId,
      number: p.number,
      source: { kind: p.source.kind, id: p.source.id },
      serviceCenterId: p.serviceCenterId ?? null,
      customer: { name: p.customer.name, phone: p.customer.phone ?? null, country: p.customer.country },
      createdAt: p.createdAt,
    };
    const { _id, ...fields } = view;
    await this.col.updateOne({ _id }, { $set: fields }, { upsert: true });
    return view;
  }

  get(id: string): Promise<JobOrderView | null> {
    return this.col.findOne({ _id: id });
  }
}
