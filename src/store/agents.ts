import type { Db } from './db.js';
import type { AgentDeletedReason, AgentVisibility } from '../domain/enums.js';

export interface AgentRow {
  id: string;
  name: string;
  description: string;
  instructions: string;
  visibility: AgentVisibility;
  ownerId: string | null;
  createdBy: string | null;
  createdAt: Date;
  deletedAt: Date | null;
  deletedReason: AgentDeletedReason | null;
}

export interface NewAgent {
  name: string;
  description: string;
  instructions: string;
  visibility: AgentVisibility;
  ownerId: string | null;
  createdBy: string | null;
}

export async function insertAgent(db: Db, agent: NewAgent): Promise<AgentRow> {
  const [row] = await db`
    insert into agents ${db(agent, 'name', 'description', 'instructions', 'visibility', 'ownerId', 'createdBy')}
    returning *`;
  return row as AgentRow;
}
