import { Body, Controller, Get, Param, ParseUUIDPipe, Post, Query } from '@nestjs/common';
import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { InvoicesService } from './invoices.service';
import type { Invoice } from './invoice.entity';

const CURRENCY_DIGITS: Readonly<Record<string, number>> = { EUR: 2, USD: 2, GBP: 2, JPY: 0 };

class CreateInvoiceDto {
  @IsString()
  customerId!: string;

  @IsIn(Object.keys(CURRENCY_DIGITS))
  currency!: string;

  @IsInt()
  @Min(0)
  amountMinor!: number;
}

function present(invoice: Invoice) {
  const digits = CURRENCY_DIGITS[invoice.currency] ?? 2;
  return { ...invoice, amount: (invoice.amountMinor / 10 ** digits).toFixed(digits) };
}

@Controller('invoices')
export class InvoicesController {
  constructor(private readonly invoices: InvoicesService) {}

  @Get()
  async list(@Query('customerId') customerId: string) {
    return (await this.invoices.list(customerId)).map(present);
  }

  @Get(':id')
  async get(@Param('id', ParseUUIDPipe) id: string) {
    return present(await this.invoices.get(id));
  }

  @Post()
  async create(@Body() dto: CreateInvoiceDto) {
    return present(await this.invoices.create(dto));
  }

  @Post(':id/issue')
  async issue(@Param('id', ParseUUIDPipe) id: string) {
    return present(await this.invoices.issue(id));
  }
}
