"""courses: planned vs delivered summary, one row per targeted (person, track) pair, and when each plan's
rows were last rebuilt. The tables start empty: `flask courses rebuild-delivered` (or the nightly job) fills them.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-30

"""
from alembic import op
import sqlalchemy as sa

import sonores_lms.database


# revision identifiers, used by Alembic.
revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('courses_delivered_states',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('rebuilt_at', sonores_lms.database.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['plan_id'], ['courses_plans.id'], name=op.f('fk_courses_delivered_states_plan_id_courses_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', name=op.f('pk_courses_delivered_states'))
    )
    op.create_table('courses_delivered_people',
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('track_uid', sa.String(length=32), nullable=False),
    sa.Column('axis_id', sa.Integer(), nullable=False),
    sa.Column('institute_id', sa.Integer(), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('enrolled', sa.Boolean(), nullable=False),
    sa.Column('active', sa.Boolean(), nullable=False),
    sa.Column('done', sa.Boolean(), nullable=False),
    sa.ForeignKeyConstraint(['axis_id'], ['courses_axes.id'], name=op.f('fk_courses_delivered_people_axis_id_courses_axes'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['institute_id'], ['core_institutes.id'], name=op.f('fk_courses_delivered_people_institute_id_core_institutes'), ondelete='SET NULL'),
    sa.ForeignKeyConstraint(['plan_id'], ['courses_plans.id'], name=op.f('fk_courses_delivered_people_plan_id_courses_plans'), ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['user_id'], ['core_users.id'], name=op.f('fk_courses_delivered_people_user_id_core_users'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('plan_id', 'user_id', 'track_uid', name=op.f('pk_courses_delivered_people'))
    )
    with op.batch_alter_table('courses_delivered_people', schema=None) as batch_op:
        flags = ['user_id', 'enrolled', 'active', 'done']
        batch_op.create_index('ix_courses_delivered_people_plan_axis', ['plan_id', 'axis_id', *flags], unique=False)
        batch_op.create_index('ix_courses_delivered_people_plan_country', ['plan_id', 'country', *flags], unique=False)
        batch_op.create_index(
            'ix_courses_delivered_people_plan_institute', ['plan_id', 'institute_id', *flags], unique=False
        )
        batch_op.create_index('ix_courses_delivered_people_plan_user', ['plan_id', *flags], unique=False)



def downgrade():
    with op.batch_alter_table('courses_delivered_people', schema=None) as batch_op:
        batch_op.drop_index('ix_courses_delivered_people_plan_user')
        batch_op.drop_index('ix_courses_delivered_people_plan_institute')
        batch_op.drop_index('ix_courses_delivered_people_plan_country')
        batch_op.drop_index('ix_courses_delivered_people_plan_axis')

    op.drop_table('courses_delivered_people')
    op.drop_table('courses_delivered_states')
