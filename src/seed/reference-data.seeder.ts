import { Injectable } from '@nestjs/common';

@Injectable()
export class ReferenceDataSeeder {
  async seed(): Promise<void> {}
}
