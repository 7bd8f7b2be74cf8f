import { Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Invoice } from './invoice.entity';

export interface CreateInvoiceInput {
  customerId: string;
  currency: string;
  amountMinor: number;
}

// Status transitions: a lookup table the service only reads.
const NEXT_STATUS: ReadonlyMap<string, string> = new Map([
  ['draft', 'issued'],
  ['issued', 'paid'],
]);

@Injectable()
export class InvoicesService {
  constructor(@InjectRepository(Invoice) private readonly invoices: Repository<Invoice>) {}

  list(customerId: string): Promise<Invoice[]> {
    return this.invoices.find({ where: { customerId }, order: { createdAt: 'DESC' }, take: 100 });
  }

  async get(id: string): Promise<Invoice> {
    const invoice = await this.invoices.findOneBy({ id });
    if (!invoice) throw new NotFoundException(`invoice ${id} not found`);
    return invoice;
  }

  create(input: CreateInvoiceInput): Promise<Invoice> {
    return this.invoices.save(this.invoices.create({ ...input, status: 'draft' }));
  }

  async issue(id: string): Promise<Invoice> {
    const invoice = await this.get(id);
    invoice.status = NEXT_STATUS.get(invoice.status) ?? invoice.status;
    return this.invoices.save(invoice);
  }
}
