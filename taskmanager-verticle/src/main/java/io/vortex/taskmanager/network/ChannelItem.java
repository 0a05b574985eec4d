package io.vortex.taskmanager.network;

/** What travels through a channel, in order: batches of records and events. */
public sealed interface ChannelItem permits RecordBatch, ChannelEvent {}
