"""checklists: what a mature action plan holds (cost band, expected effect, evidence of completion, reason for
dropping, the auditor's agreement); the peer groups' "has a hall"

Revision ID: checklists_0002
Revises: checklists_0001
Create Date: 2026-12-07

Existing actions get no cost band, effect or agreement (nothing was estimated nor agreed yet): every new column
is nullable. Existing profiles say "no hall" until their director says otherwise; on PostgreSQL the column then
loses its server default (the model gives new rows theirs).

"""
import warnings

from alembic import op
import sqlalchemy as sa

import sonores_lms.database


# revision identifiers, used by Alembic.
revision = 'checklists_0002'
down_revision = 'checklists_0001'
branch_labels = None
depends_on = None

COST_BAND = sa.Enum('none', 'under-500', '500-5000', 'over-5000', name='checklists_cost_band')


def upgrade():
    COST_BAND.create(op.get_bind(), checkfirst=True)
    # On SQLite a new column with a foreign key needs the table rebuilt (batch mode): nothing refers to the actions
    # yet, and migrations run with foreign keys off, so the rebuild loses nothing.
    # The rebuild reflects the tables it refers to: the people's index on lower(name) cannot be reflected there
    # and does not matter to this table.
    with warnings.catch_warnings():
        warnings.filterwarnings('ignore', 'Skipped unsupported reflection of expression-based index')
        with op.batch_alter_table('checklists_actions', schema=None) as batch_op:
            batch_op.add_column(sa.Column('cost_band', COST_BAND, nullable=True))
            batch_op.add_column(sa.Column('expected_effect', sa.String(length=300), nullable=True))
            batch_op.add_column(sa.Column('drop_reason', sa.Text(), nullable=True))
            batch_op.add_column(sa.Column('agreed_at', sonores_lms.database.UTCDateTime(timezone=True), nullable=True))
            batch_op.add_column(sa.Column('agreed_by_id', sa.Integer(), nullable=True))
            batch_op.create_foreign_key(
                batch_op.f('fk_checklists_actions_agreed_by_id_core_users'), 'core_users', ['agreed_by_id'], ['id'],
                ondelete='SET NULL',
            )
    op.create_table('checklists_action_evidence',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('uid', sa.String(length=32), nullable=False),
    sa.Column('action_id', sa.Integer(), nullable=False),
    sa.Column('filename', sa.String(length=255), nullable=False),
    sa.Column('content_type', sa.String(length=120), nullable=False),
    sa.Column('size', sa.Integer(), nullable=False),
    sa.Column('sha256', sa.String(length=64), nullable=False),
    sa.Column('uploaded_by_id', sa.Integer(), nullable=True),
    sa.Column('created_at', sonores_lms.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['action_id'], ['checklists_actions.id'], name=op.f('fk_checklists_action_evidence_action_id_checklists_actions'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['uploaded_by_id'], ['core_users.id'], name=op.f('fk_checklists_action_evidence_uploaded_by_id_core_users'), ondelete='SET NULL'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checklists_action_evidence')),
    sa.UniqueConstraint('uid', name=op.f('uq_checklists_action_evidence_uid'))
    )
    with op.batch_alter_table('checklists_action_evidence', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checklists_action_evidence_action_id'), ['action_id'], unique=False)
    op.add_column('checklists_profiles', sa.Column('has_hall', sa.Boolean(), nullable=False, server_default=sa.false()))
    if op.get_bind().dialect.name != 'sqlite':
        # SQLite keeps the harmless default: removing it would need a rebuild of the table.
        op.alter_column('checklists_profiles', 'has_hall', server_default=None)


def downgrade():
    op.drop_column('checklists_profiles', 'has_hall')  # SQLite 3.35+ drops a plain column in place
    with op.batch_alter_table('checklists_action_evidence', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_checklists_action_evidence_action_id'))
    op.drop_table('checklists_action_evidence')
    # SQLite cannot drop a column that a foreign key names: the table is rebuilt there (nothing refers to the
    # actions any more, and migrations run with foreign keys off).
    with warnings.catch_warnings():
        warnings.filterwarnings('ignore', 'Skipped unsupported reflection of expression-based index')
        with op.batch_alter_table('checklists_actions', schema=None) as batch_op:
            if op.get_bind().dialect.name != 'sqlite':
                batch_op.drop_constraint(op.f('fk_checklists_actions_agreed_by_id_core_users'), type_='foreignkey')
            for column in ('agreed_by_id', 'agreed_at', 'drop_reason', 'expected_effect', 'cost_band'):
                batch_op.drop_column(column)
    COST_BAND.drop(op.get_bind(), checkfirst=True)
