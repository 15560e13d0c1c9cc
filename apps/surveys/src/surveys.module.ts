import { Module, type OnModuleInit } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { OutboxRelay } from '@aftersales/platform-kafka';
import './common/enums';
import { INVITATION_MODEL, InvitationSchema } from './invitations/invitation.schema';
import { InvitationsRepository } from './invitations/invitations.repository';
import { InvitationsResolver } from './invitations/invitations.resolver';
import { InvitationsService } from './invitations/invitations.service';
import { Scheduler } from './invitations/scheduler';
import { TriggersConsumer } from './invitations/triggers.consumer';
import { KpiProjector } from './kpis/kpi.projector';
import { KPI_COUNTER_MODEL, KpiCounterSchema, KpiRepository } from './kpis/kpi.repository';
import { NetworkKpiResolver, RegionKpiResolver, ServiceCenterKpiResolver } from './kpis/kpi.resolver';
import { KpiService } from './kpis/kpi.service';
import { QUESTIONNAIRE_HEAD_MODEL, QUESTIONNAIRE_MODEL, QuestionnaireHeadSchema, QuestionnaireSchema } from './questionnaires/questionnaire.schema';
import { QuestionnairesResolver } from './questionnaires/questionnaires.resolver';
import { QuestionnairesService } from './questionnaires/questionnaires.service';
import { AnswersResolver } from './responses/answers.resolver';
import { AnswersService } from './responses/answers.service';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: QUESTIONNAIRE_MODEL, schema: QuestionnaireSchema },
      { name: QUESTIONNAIRE_HEAD_MODEL, schema: QuestionnaireHeadSchema },
      { name: INVITATION_MODEL, schema: InvitationSchema },
      { name: KPI_COUNTER_MODEL, schema: KpiCounterSchema },
    ]),
  ],
  providers: [
    QuestionnairesService,
    QuestionnairesResolver,
    InvitationsRepository,
    Scheduler,
    InvitationsService,
    InvitationsResolver,
    AnswersService,
    AnswersResolver,
    KpiRepository,
    KpiProjector,
    KpiService,
    ServiceCenterKpiResolver,
    RegionKpiResolver,
    NetworkKpiResolver,
  ],
  controllers: [TriggersConsumer],
})
export class SurveysModule implements OnModuleInit {
  constructor(
    private readonly relay: OutboxRelay,
    private readonly invitations: InvitationsRepository,
  ) {}

  onModuleInit() {
    this.relay.register(this.invitations.outboxModel);
  }
}
