import {
  Body,
  ConflictException,
  Controller,
  Get,
  Headers,
  Param,
  ParseUUIDPipe,
  Post,
  Query,
  UploadedFile,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { execSync } from 'node:child_process';
import { diskStorage } from 'multer';
import { IsIn, IsInt, IsString, Min } from 'class-validator';
import { InvoicesService } from './invoices.service';
import type { Invoice } from './invoice.entity';

const CURRENCY_DIGITS: Readonly<Record<string, number>> = { EUR: 2, USD: 2, GBP: 2, JPY: 0 };

const seenIdempotencyKeys = new Set<string>();

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
  async create(@Body() dto: CreateInvoiceDto, @Headers('idempotency-key') key?: string) {
    if (key) {
      if (seenIdempotencyKeys.has(key)) throw new ConflictException('duplicate request');
      seenIdempotencyKeys.add(key);
    }
    return present(await this.invoices.create(dto));
  }

  @Post('import')
  @UseInterceptors(FileInterceptor('file', { storage: diskStorage({ destination: './uploads' }) }))
  importCsv(@UploadedFile() file: Express.Multer.File) {
    return { received: file.originalname, size: file.size };
  }

  @Post('admin/seed')
  seed() {
    execSync('node dist/seeds/run.js', { stdio: 'inherit' });
    return { seeded: true };
  }

  @Post(':id/issue')
  async issue(@Param('id', ParseUUIDPipe) id: string) {
    return present(await this.invoices.issue(id));
  }
}
