import { Inject } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CurrentPrincipal, type Principal } from '@aftersales/platform-auth';
import { Clock, ValidationFailedError } from '@aftersales/platform-core';
import { PreferencesRepository } from './preferences.repository';
import { NotificationPreferencesInput, PreferencesModel, toPreferencesModel } from './preferences.model';

@Resolver(() => PreferencesModel)
export class PreferencesResolver {
  constructor(
    private readonly preferences: PreferencesRepository,
    @Inject(Clock) private readonly clock: Clock,
  ) {}

  @Query(() => PreferencesModel, { description: 'How you are told (defaults until you choose: e-mail and in-app, nothing muted, no digest)' })
  async myNotificationPreferences(@CurrentPrincipal() principal: Principal): Promise<PreferencesModel> {
    return toPreferencesModel(await this.preferences.of(principal.subject));
  }

  @Mutation(() => PreferencesModel, { description: 'Replaces your notification preferences' })
  async updateMyNotificationPreferences(@CurrentPrincipal() principal: Principal, @Args('input') input: NotificationPreferencesInput): Promise<PreferencesModel> {
    if (input.channels.includes('SMS') && !input.phone) {
      throw new ValidationFailedError([{ field: 'phone', rule: 'requiredWith', message: 'is required when channels include SMS' }]);
    }
    if (input.dailyDigest && !input.channels.includes('EMAIL')) {
      throw new ValidationFailedError([{ field: 'dailyDigest', rule: 'requiresEmail', message: 'needs the EMAIL channel: the digest is an e-mail' }]);
    }
    const saved = await this.preferences.save({
      _id: principal.subject,
      channels: input.channels,
      mutedKinds: input.mutedKinds,
      dailyDigest: input.dailyDigest,
      language: input.language ?? null,
      phone: input.phone ?? null,
      updatedAt: this.clock.now(),
    });
    return toPreferencesModel(saved);
  }
}
